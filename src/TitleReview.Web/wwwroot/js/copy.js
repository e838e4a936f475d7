// "复制" buttons: copy the text of the element named by data-copy-target (a read-only textarea).
(function () {
    'use strict';
    document.querySelectorAll('[data-copy-target]').forEach(function (button) {
        button.addEventListener('click', function () {
            var id = button.getAttribute('data-copy-target');
            var source = document.getElementById(id);
            var status = document.querySelector('[data-copy-status="' + id + '"]');
            var done = function () { if (status) { status.textContent = '已复制'; } };
            source.select();
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(source.value).then(done, function () { document.execCommand('copy'); done(); });
            } else {
                document.execCommand('copy');
                done();
            }
        });
    });
})();
