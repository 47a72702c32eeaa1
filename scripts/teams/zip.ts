import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file to store in a ZIP archive; `name` uses forward slashes. */
export interface ZipInput {
    name: string;
    data: Buffer;
}

/** A file listed in a ZIP archive's central directory. */
export interface ZipEntry {
    name: string;
    method: number;
    crc: number;
    compressedSize: number;
    size: number;
    offset: number;
}

const LOCAL = 0x04034b50, CENTRAL = 0x02014b50, END = 0x06054b50;
/** 1980-01-01 00:00 in MS-DOS format: a fixed stamp, so the same inputs give the same bytes. */
const DOS_TIME = 0, DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/**
 * Writes a ZIP archive (no ZIP64, no encryption): each file deflated with zlib unless storing
 * is smaller, then the central directory and end record. Entries keep the given order.
 */
export function createZip(files: ZipInput[]): Buffer {
    const parts: Buffer[] = [], central: Buffer[] = [];
    let offset = 0;
    for (const file of files) {
        const name = Buffer.from(file.name, 'utf8');
        const deflated = deflateRawSync(file.data, { level: 9 });
        const method = deflated.length < file.data.length ? 8 : 0;
        const body = method === 8 ? deflated : file.data;
        const crc = crc32(file.data);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(LOCAL, 0);
        writeCommon(local, 4, method, crc, body.length, file.data.length, name.length);
        const dir = Buffer.alloc(46);
        dir.writeUInt32LE(CENTRAL, 0);
        dir.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
        writeCommon(dir, 6, method, crc, body.length, file.data.length, name.length);
        dir.writeUInt32LE(offset, 42); // extra, comment, disk, attributes stay 0
        parts.push(local, name, body);
        central.push(dir, name);
        offset += local.length + name.length + body.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(files.length, 8);
    end.writeUInt16LE(files.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...parts, directory, end]);
}

/** Fields shared by local and central headers, from "version needed" to "name length". */
function writeCommon(buf: Buffer, at: number, method: number, crc: number, compressed: number, size: number, nameLength: number): void {
    buf.writeUInt16LE(20, at);
    buf.writeUInt16LE(UTF8_NAMES, at + 2);
    buf.writeUInt16LE(method, at + 4);
    buf.writeUInt16LE(DOS_TIME, at + 6);
    buf.writeUInt16LE(DOS_DATE, at + 8);
    buf.writeUInt32LE(crc, at + 10);
    buf.writeUInt32LE(compressed, at + 14);
    buf.writeUInt32LE(size, at + 18);
    buf.writeUInt16LE(nameLength, at + 22);
}

/** Lists the entries of a ZIP archive from its central directory. */
export function listZip(zip: Buffer): ZipEntry[] {
    let end = -1;
    for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
        if (zip.readUInt32LE(at) === END) {
            end = at;
            break;
        }
    }
    if (end < 0) throw new Error('not a ZIP archive: no end-of-central-directory record');
    const entries: ZipEntry[] = [];
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
        if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`bad central directory entry ${i}`);
        const nameLength = zip.readUInt16LE(at + 28);
        entries.push({
            name: zip.toString('utf8', at + 46, at + 46 + nameLength),
            method: zip.readUInt16LE(at + 10),
            crc: zip.readUInt32LE(at + 16),
            compressedSize: zip.readUInt32LE(at + 20),
            size: zip.readUInt32LE(at + 24),
            offset: zip.readUInt32LE(at + 42),
        });
        at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
}

/** Extracts one file (stored or deflated) from a ZIP archive and checks its CRC-32. */
export function readZipEntry(zip: Buffer, name: string): Buffer {
    const entry = listZip(zip).find((e) => e.name === name);
    if (!entry) throw new Error(`no "${name}" in the ZIP archive`);
    if (zip.readUInt32LE(entry.offset) !== LOCAL) throw new Error(`bad local header for "${name}"`);
    const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
    const body = zip.subarray(start, start + entry.compressedSize);
    const data = entry.method === 8 ? inflateRawSync(body) : entry.method === 0 ? Buffer.from(body) : undefined;
    if (!data) throw new Error(`"${name}" uses unsupported compression method ${entry.method}`);
    if (crc32(data) !== entry.crc) throw new Error(`CRC-32 mismatch for "${name}"`);
    return data;
}
