import { deflateSync, unzipSync, zipSync, type Zippable } from 'fflate';

/** One file to store in a ZIP archive; `name` uses forward slashes. */
export interface ZipInput {
    name: string;
    data: Buffer;
}

/** A file listed in a ZIP archive: `method` 0 is stored, 8 deflated. */
export interface ZipEntry {
    name: string;
    method: number;
    compressedSize: number;
    size: number;
}

/** 1980-01-01 00:00, the earliest time a ZIP can hold: the same inputs give the same bytes. */
const FIXED_MTIME = new Date(1980, 0, 1);

/**
 * Writes a ZIP archive with fflate: each file deflated unless storing it is smaller (PNGs are
 * compressed already), every timestamp fixed. Entries keep the given order.
 */
export function createZip(files: ZipInput[]): Buffer {
    const entries: Zippable = {};
    for (const file of files) {
        const deflates = deflateSync(file.data, { level: 9 }).length < file.data.length;
        entries[file.name] = [file.data, { level: deflates ? 9 : 0 }];
    }
    return Buffer.from(zipSync(entries, { mtime: FIXED_MTIME }));
}

/** Lists the entries of a ZIP archive without extracting them. */
export function listZip(zip: Buffer): ZipEntry[] {
    const entries: ZipEntry[] = [];
    unzipSync(zip, {
        filter: (file) => {
            entries.push({ name: file.name, method: file.compression, compressedSize: file.size, size: file.originalSize });
            return false;
        },
    });
    return entries;
}

/** Extracts one file (stored or deflated) from a ZIP archive. */
export function readZipEntry(zip: Buffer, name: string): Buffer {
    const data = unzipSync(zip, { filter: (file) => file.name === name })[name];
    if (!data) throw new Error(`readZipEntry(): no "${name}" in the ZIP archive`);
    return Buffer.from(data);
}
