// The search box's suggestions as an ARIA combobox: Down and Up move through them (the box keeps the focus and
// names the active one with aria-activedescendant), Enter opens the active one, Escape closes the list. Without
// this script the box is a plain search form and the suggestions plain links.
(function () {
	'use strict';

	function setUp(input) {
		var list = document.getElementById(input.getAttribute('aria-controls'));
		if (!list) {
			return;
		}
		var active = -1;
		input.setAttribute('role', 'combobox');
		input.setAttribute('aria-autocomplete', 'list');
		input.setAttribute('aria-expanded', 'false');

		function options() {
			return list.querySelectorAll('[role="option"]');
		}

		function choose(index) {
			var all = options();
			for (var i = 0; i < all.length; i++) {
				all[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
			}
			active = index;
			if (index >= 0) {
				input.setAttribute('aria-activedescendant', all[index].id);
				all[index].scrollIntoView({ block: 'nearest' });
			}
			else {
				input.removeAttribute('aria-activedescendant');
			}
		}

		function close() {
			list.innerHTML = '';
			input.setAttribute('aria-expanded', 'false');
			choose(-1);
		}

		document.body.addEventListener('htmx:afterSwap', function (event) {
			if (event.detail.target !== list) {
				return;
			}
			var all = options();
			for (var i = 0; i < all.length; i++) {
				all[i].id = list.id + '-option-' + i;
				all[i].setAttribute('aria-selected', 'false');
				all[i].tabIndex = -1;
			}
			input.setAttribute('aria-expanded', all.length > 0 ? 'true' : 'false');
			choose(-1);
		});

		input.addEventListener('keydown', function (event) {
			var all = options();
			if (event.key === 'Escape') {
				close();
				return;
			}
			if (all.length === 0) {
				return;
			}
			if (event.key === 'ArrowDown') {
				event.preventDefault();
				choose((active + 1) % all.length);
			}
			else if (event.key === 'ArrowUp') {
				event.preventDefault();
				choose(active <= 0 ? all.length - 1 : active - 1);
			}
			else if (event.key === 'Enter' && active >= 0) {
				event.preventDefault();
				window.location.assign(all[active].href);
			}
		});
	}

	function start() {
		var inputs = document.querySelectorAll('.search-box__input[aria-controls]');
		for (var i = 0; i < inputs.length; i++) {
			setUp(inputs[i]);
		}
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
}());
