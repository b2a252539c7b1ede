// Collegium: the teaching-material and case-report forms (any form[data-draft])
// keep a draft in this browser while a teacher types (localStorage), offer it
// back when the form is opened again, and forget it once it is published. It
// also warns about files that are too large before they are sent, and asks
// before anything with data-confirm (deleting, removing a verification) is done.
// Everything here is optional: the pages work without it. What it says comes from
// the page, in the page's language: data-* attributes hold the translated texts,
// with {names} and {time} where this script puts the file names and the time.
(function () {
  "use strict";

  var PREFIX = "collegium-draft:";

  function storage() {
    try {
      var s = window.localStorage;
      s.setItem(PREFIX + "test", "1");
      s.removeItem(PREFIX + "test");
      return s;
    } catch (e) {
      return null;
    }
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  // An element's text from data-NAME, with each {key} replaced by values[key].
  function phrase(el, name, values) {
    var t = (el && el.getAttribute("data-" + name)) || "";
    Object.keys(values || {}).forEach(function (key) {
      t = t.split("{" + key + "}").join(values[key]);
    });
    return t;
  }

  // Ask before deleting.
  each(document.querySelectorAll("form[data-confirm]"), function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });

  // Files over the size limit, named before the upload starts.
  each(document.querySelectorAll("input[type=file][data-max-bytes]"), function (input) {
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var warning = input.form && input.form.querySelector("[data-file-warning]");
    input.addEventListener("change", function () {
      var big = Array.prototype.filter.call(input.files || [], function (f) {
        return max > 0 && f.size > max;
      }).map(function (f) { return f.name; });
      var message = big.length
        ? phrase(input, big.length === 1 ? "too-large-one" : "too-large-other",
            { names: big.join(", ") })
        : "";
      input.setCustomValidity(message);
      if (warning) {
        warning.textContent = message;
        warning.hidden = !message;
      }
    });
  });

  var store = storage();
  if (!store) {
    return;
  }

  // After a publish or a change the page names the draft to forget.
  each(document.querySelectorAll("[data-clear-draft]"), function (el) {
    store.removeItem(PREFIX + el.getAttribute("data-clear-draft"));
  });

  var form = document.querySelector("form[data-draft]");
  if (!form) {
    return;
  }
  var key = PREFIX + form.getAttribute("data-draft");
  var status = document.querySelector("[data-draft-status]");
  var SKIPPED = ["hidden", "file", "submit", "button", "reset", "password", "image"];

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrf" && SKIPPED.indexOf(el.type) < 0 &&
        ["INPUT", "SELECT", "TEXTAREA"].indexOf(el.tagName) >= 0;
    });
  }

  function collect() {
    var data = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        data[el.name] = data[el.name] || [];
        if (el.checked) {
          data[el.name].push(el.value);
        }
      } else if (el.tagName === "SELECT" && el.multiple) {
        data[el.name] = Array.prototype.filter.call(el.options, function (o) {
          return o.selected;
        }).map(function (o) { return o.value; });
      } else {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function apply(data) {
    fields().forEach(function (el) {
      if (!Object.prototype.hasOwnProperty.call(data, el.name)) {
        return;
      }
      var value = data[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = Array.isArray(value) && value.indexOf(el.value) >= 0;
      } else if (el.tagName === "SELECT" && el.multiple) {
        each(el.options, function (o) {
          o.selected = Array.isArray(value) && value.indexOf(o.value) >= 0;
        });
      } else if (typeof value === "string") {
        el.value = value;
      }
    });
    // The pickers' "chosen" lines follow what was put back.
    each(form.querySelectorAll("[data-picker]"), function (p) {
      p.dispatchEvent(new Event("change"));
    });
  }

  // A time as the page's language writes it.
  function time(iso) {
    var d = new Date(iso);
    var lang = document.documentElement.lang || [];
    return isNaN(d.getTime()) ? "" : d.toLocaleString(lang, {
      dateStyle: "medium", timeStyle: "short"
    });
  }

  function say(text, withDiscard) {
    if (!status) {
      return;
    }
    status.textContent = text;
    status.hidden = !text;
    if (withDiscard) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = phrase(status, "discard");
      button.addEventListener("click", function () {
        store.removeItem(PREFIX + form.getAttribute("data-draft"));
        apply(initial);
        say(phrase(status, "discarded"), false);
      });
      status.appendChild(document.createTextNode(" "));
      status.appendChild(button);
    }
  }

  var initial = collect();
  var saved = null;
  try {
    saved = JSON.parse(store.getItem(key) || "null");
  } catch (e) {
    saved = null;
  }
  if (saved && saved.fields && form.getAttribute("data-draft-restore") !== "false" &&
      JSON.stringify(saved.fields) !== JSON.stringify(initial)) {
    apply(saved.fields);
    say(phrase(status, "restored", { time: time(saved.saved) }), true);
  }

  var timer = null;
  function save() {
    timer = null;
    try {
      var now = new Date().toISOString();
      store.setItem(key, JSON.stringify({ saved: now, fields: collect() }));
      say(phrase(status, "kept", { time: time(now) }), false);
    } catch (e) {
      // Storage full or refused: the form still works.
    }
  }
  function later() {
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(save, 500);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();

// Linking materials to a case report: a search over the materials (the same
// search as /materials) whose results add their address to the list, one a
// line. Without this script the list is typed by hand.
(function () {
  var finder = document.querySelector("[data-material-finder]");
  if (!finder) return;
  var list = document.getElementById(finder.getAttribute("data-for"));
  var input = finder.querySelector("input[type=search]");
  var found = finder.querySelector("ul");
  var status = finder.querySelector("[data-material-status]");
  if (!list || !input || !found || !status) return;
  finder.hidden = false;
  var say = function (name, values) {
    return (finder.getAttribute("data-" + name) || "").replace("{name}", values || "");
  };
  var lines = function () {
    return list.value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
  };
  var timer = null;
  var asked = 0;
  function show(materials) {
    found.textContent = "";
    if (!materials.length) {
      status.textContent = say("none");
      return;
    }
    status.textContent = "";
    materials.forEach(function (m) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = say("link", m.name);
      button.addEventListener("click", function () {
        var now = lines();
        if (now.indexOf(m.uri) >= 0) {
          status.textContent = say("already", m.name);
          return;
        }
        now.push(m.uri);
        list.value = now.join("\n");
        list.dispatchEvent(new Event("input", { bubbles: true }));
        status.textContent = say("linked", m.name);
      });
      item.appendChild(button);
      found.appendChild(item);
    });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var words = input.value.trim();
    if (words.length < 2) {
      found.textContent = "";
      status.textContent = "";
      return;
    }
    timer = setTimeout(function () {
      var mine = ++asked;
      fetch("/api/collegium/v1/materials?limit=8&q=" + encodeURIComponent(words), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (materials) { if (mine === asked) show(materials); })
        .catch(function () { if (mine === asked) show([]); });
    }, 250);
  });
  // Enter in the search box never sends the form.
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") e.preventDefault();
  });
})();
