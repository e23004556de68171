// Pages served to every guest alike by the shared cache carry an empty CSRF field: when such a form is sent,
// copy the visitor's own token from its cookie into it (and into htmx requests' header). Without a cookie, or
// without JavaScript, the form goes as it is and the shop checks that it came from its own pages.
(function () {
	'use strict';

	function cookieToken() {
		var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
		return match ? decodeURIComponent(match[1]) : null;
	}

	document.addEventListener('submit', function (event) {
		var field = event.target.querySelector && event.target.querySelector('input[name="_csrf"]');
		var token = cookieToken();
		if (field && !field.value && token) {
			field.value = token;
		}
	}, true);

	document.addEventListener('htmx:configRequest', function (event) {
		var token = cookieToken();
		var parameters = event.detail.parameters;
		var empty = parameters && (parameters._csrf === '' || (parameters.get && parameters.get('_csrf') === ''));
		if (token && empty) {
			event.detail.headers['X-XSRF-TOKEN'] = token;
		}
	});
}());
