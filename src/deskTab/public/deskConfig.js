/* Teams' configuration page for the desk as a channel tab: saves the desk page at once. */
(function () {
    'use strict';
    var teams = window.microsoftTeams;
    if (!teams) return;
    teams.app.initialize().then(function () {
        var origin = window.location.origin;
        teams.pages.config.registerOnSaveHandler(function (save) {
            teams.pages.config.setConfig({ entityId: 'desk', contentUrl: origin + '/desk', websiteUrl: origin + '/desk', suggestedDisplayName: 'Desk' }).then(function () { save.notifySuccess(); });
        });
        teams.pages.config.setValidityState(true);
    });
})();
