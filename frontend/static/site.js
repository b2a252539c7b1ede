// The header's menu at phone width: without this script the links simply wrap
// under the name; with it they fold behind one button.
(function () {
  var button = document.querySelector(".menu-toggle");
  var nav = document.getElementById("site-nav");
  if (!button || !nav) return;
  document.documentElement.classList.add("js");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = nav.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();

// Vocabulary pickers: a box that narrows the list of checkboxes as one types
// (accents and case ignored); Enter ticks the only match left. The line above
// the list says what is chosen.
(function () {
  function plain(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  document.querySelectorAll("[data-picker]").forEach(function (picker) {
    var find = picker.querySelector("[data-picker-find]");
    var input = find && find.querySelector("input");
    var chosen = picker.querySelector("[data-picker-chosen]");
    var none = picker.querySelector("[data-picker-none]");
    var labels = Array.prototype.slice.call(picker.querySelectorAll("label.check"));
    if (!input) return;
    find.hidden = false;
    picker.classList.add("searchable");
    function showChosen() {
      var names = labels
        .filter(function (l) { return l.querySelector("input").checked; })
        .map(function (l) { return l.textContent.trim(); });
      chosen.textContent = names.length
        ? chosen.dataset.some.replace("{list}", names.join(", "))
        : chosen.dataset.none;
    }
    function narrow() {
      var words = plain(input.value);
      var shown = [];
      labels.forEach(function (l) {
        var hit = !words || plain(l.textContent).indexOf(words) !== -1;
        l.hidden = !hit;
        if (hit) shown.push(l);
      });
      picker.querySelectorAll("fieldset.subgroup").forEach(function (g) {
        g.hidden = !g.querySelector("label.check:not([hidden])");
      });
      none.hidden = shown.length > 0;
      return shown;
    }
    input.addEventListener("input", narrow);
    input.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      // Enter in the box never sends the form.
      e.preventDefault();
      var shown = narrow();
      if (shown.length === 1 && input.value.trim()) {
        var box = shown[0].querySelector("input");
        box.checked = !box.checked;
        input.value = "";
        narrow();
        showChosen();
      }
    });
    picker.addEventListener("change", showChosen);
  });
})();

// The time zone setting: when none is chosen, offer the device's own.
(function () {
  var hint = document.querySelector("[data-time-zone-suggest]");
  if (!hint || !window.Intl) return;
  var select = document.getElementById(hint.getAttribute("data-for"));
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!select || !zone || select.value) return;
  var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
  if (!known) return;
  var button = hint.querySelector("button");
  button.textContent = button.getAttribute("data-use").replace("{zone}", zone.replace(/_/g, " "));
  hint.hidden = false;
  button.addEventListener("click", function () {
    select.value = zone;
    hint.hidden = true;
    select.focus();
  });
})();
