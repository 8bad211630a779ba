// Tells the server the reader's time zone: the browser's IANA zone in the puente-tz cookie, written when it is absent
// or has changed. Pages read it to show times in the reader's zone (Hosting/ReaderTimeZone); without it they use UTC.
(function () {
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }

    if (!zone || !/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) {
        return;
    }

    var current = document.cookie.split('; ').filter(function (c) { return c.indexOf('puente-tz=') === 0; })[0];
    if (current !== 'puente-tz=' + zone) {
        document.cookie = 'puente-tz=' + zone + '; path=/; max-age=31536000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
    }
})();
