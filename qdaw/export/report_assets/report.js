// The hypotheses report's reader: regroups respondents, sorts tables, opens quotes.
// Everything comes from the JSON block qdaw wrote into the page (no network); text is
// set with textContent only, so nothing from the project is ever read as HTML.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("qdaw-data").textContent);
  var L = D.labels;
  var state = { variable: -1, group: 0, hidden: {}, cross: 0, sort: {}, open: {}, all: {} };

  function fmt(key, values) {
    return L[key].replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function pct(k, n) { return n ? Math.floor(100 * k / n + 0.5) : 0; }

  // The respondents of the chosen group (every one with no variable chosen).
  function members() {
    var all = D.respondents.map(function (_, i) { return i; });
    if (state.variable < 0) return all;
    var of = D.variables[state.variable].of;
    return all.filter(function (i) { return of[i] === state.group; });
  }
  function counts(code, keep) {
    var k = 0, segments = 0;
    code.cases.forEach(function (pair) {
      if (keep[pair[0]]) { k += 1; segments += pair[1]; }
    });
    return { k: k, segments: segments };
  }
  function keepOf(list) {
    var keep = {};
    list.forEach(function (i) { keep[i] = true; });
    return keep;
  }
  function supporters(h, keep) {
    var who = {};
    h.categories.forEach(function (cat) {
      cat.codes.forEach(function (c) {
        D.codes[c].cases.forEach(function (pair) { if (keep[pair[0]]) who[pair[0]] = true; });
      });
    });
    return who;
  }

  function ratioCell(k, n) {
    var bar = el("span", { class: "bar" }, [el("span", { style: "width:" + pct(k, n) + "%" })]);
    return el("td", { class: "num ratio" }, [el("span", { text: k + "/" + n }), bar]);
  }

  // A sortable table: rows are [sort keys, cells, extra row after it (or null)].
  function table(id, header, rows) {
    var order = state.sort[id];
    if (order) {
      rows = rows.slice().sort(function (a, b) {
        var x = a.keys[order.col], y = b.keys[order.col];
        var c = typeof x === "string" ? x.localeCompare(y, D.lang) : x - y;
        return order.dir * c;
      });
    }
    var head = el("tr", {}, header.map(function (h, col) {
      var mark = order && order.col === col ? (order.dir > 0 ? " ▲" : " ▼") : "";
      var th = el("th", { text: h + mark, "data-col": String(col), title: L.sort_hint,
                          tabindex: "0" });
      function sort() {
        var dir = order && order.col === col ? -order.dir : (col === 0 ? 1 : -1);
        state.sort[id] = { col: col, dir: dir };
        render();
        var again = document.querySelector("#" + id + ' th[data-col="' + col + '"]');
        if (again && document.activeElement === document.body) again.focus();
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
      return th;
    }));
    var body = el("tbody");
    rows.forEach(function (r) {
      body.appendChild(r.row);
      if (r.after) body.appendChild(r.after);
    });
    return el("table", { id: id, class: "sortable" }, [el("thead", {}, [head]), body]);
  }

  function quoteRow(index, keep) {
    var code = D.codes[index];
    var quotes = code.quotes.filter(function (q) { return keep[q.r]; });
    var first = quotes.filter(function (q) { return q.f; });
    var rest = quotes.filter(function (q) { return !q.f; });
    var showAll = !!state.all[index];
    var cell = el("td", { colspan: "4" });
    if (!quotes.length) cell.appendChild(el("p", { class: "meta", text: L.no_quotes }));
    var passages = counts(code, keep).segments;
    if (code.quotes.length >= D.cap && passages > quotes.length) {  // the page's cap
      cell.appendChild(el("p", { class: "meta capped",
        text: fmt("capped", { shown: quotes.length, total: passages }) }));
    }
    first.concat(rest).forEach(function (q) {
      var body = q.img ? el("img", { class: "region", src: q.img, alt: q.alt })
                       : el("span", { text: q.t });
      var node = el("blockquote", { class: q.f ? "first" : "more", "data-r": String(q.r) },
                    [body, el("cite", { text: "— " + q.s })]);
      if (!q.f && !showAll) node.hidden = true;
      cell.appendChild(node);
    });
    if (rest.length) {
      var button = el("button", { class: "control show-all",
        text: showAll ? L.show_first : fmt("show_all", { n: quotes.length }) });
      button.addEventListener("click", function () {
        state.all[index] = !showAll;
        render();
      });
      cell.appendChild(button);
    }
    var row = el("tr", { class: "quotes" + (state.open[index] ? " open" : ""),
                         "data-code": code.name }, [cell]);
    return row;
  }

  function codeRows(h, cat, keep, n) {
    return cat.codes.map(function (index) {
      var code = D.codes[index], c = counts(code, keep);
      var toggle = el("button", { class: "code", text: code.name, "aria-expanded":
                                  String(!!state.open[index]) });
      toggle.addEventListener("click", function () {
        state.open[index] = !state.open[index];
        render();
      });
      var row = el("tr", { class: "code-row", "data-code": code.name }, [
        el("td", {}, [toggle]), ratioCell(c.k, n),
        el("td", { class: "num", text: String(pct(c.k, n)) }),
        el("td", { class: "num", text: String(c.segments) })]);
      return { keys: [code.name, c.k, c.k / (n || 1), c.segments], row: row,
               after: quoteRow(index, keep) };
    });
  }

  function coverage(rows) {
    var ns = "http://www.w3.org/2000/svg", width = 640, line = 26, left = 150, right = 120;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (rows.length * line + 10));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", L.chart_overview);
    rows.forEach(function (r, i) {
      var y = 5 + i * line, w = (width - left - right) * r.pct / 100;
      var label = document.createElementNS(ns, "text");
      label.setAttribute("x", left - 8); label.setAttribute("y", y + 16);
      label.setAttribute("text-anchor", "end"); label.textContent = r.label;
      var bar = document.createElementNS(ns, "rect");
      bar.setAttribute("x", left); bar.setAttribute("y", y + 3);
      bar.setAttribute("width", Math.max(w, 1)); bar.setAttribute("height", line - 8);
      bar.setAttribute("class", "cover");
      var value = document.createElementNS(ns, "text");
      value.setAttribute("x", left + w + 6); value.setAttribute("y", y + 16);
      value.textContent = r.ratio + " (" + fmt("pct", { pct: r.pct }) + ")";
      [label, bar, value].forEach(function (x) { svg.appendChild(x); });
    });
    return el("div", { class: "chart" }, [el("h3", { text: L.chart_overview }), svg]);
  }

  function renderHypotheses(keep, n) {
    var overview = [];
    D.hypotheses.forEach(function (h, i) {
      var section = document.querySelector('section.hypothesis[data-h="' + i + '"]');
      section.hidden = !!state.hidden[i];
      var who = supporters(h, keep), k = Object.keys(who).length;
      var names = D.respondents.filter(function (_, r) { return who[r]; });
      var without = D.respondents.filter(function (_, r) { return keep[r] && !who[r]; });
      var support = section.querySelector(".support");
      var key = h.outside ? "supported_outside" : "supported";
      support.textContent = k ? fmt(key, { ratio: k + "/" + n, pct: pct(k, n),
                                             names: names.join(", ") }) : L.none_supported;
      var missing = section.querySelector(".without");
      missing.textContent = without.length ? fmt(h.outside ? "without_outside" : "without",
                                                 { names: without.join(", ") }) : "";
      h.categories.forEach(function (cat, j) {
        var holder = section.querySelector('.codes[data-cat="' + j + '"]');
        holder.replaceChildren(table("codes-" + i + "-" + j,
          [L.code, L.respondents_col, "%", L.segments], codeRows(h, cat, keep, n)));
      });
      if (!h.outside && !state.hidden[i]) {
        overview.push({ label: h.label, ratio: k + "/" + n, pct: pct(k, n), keys:
          [h.label, h.statement, k, k / (n || 1)], row: el("tr", { "data-h": String(i) }, [
            el("td", { text: h.label }), el("td", { text: h.statement }), ratioCell(k, n),
            el("td", { class: "num", text: String(pct(k, n)) })]) });
      }
    });
    var holder = document.getElementById("overview-table");
    holder.replaceChildren(table("overview", [L.hypothesis, L.statement, L.respondents_col,
                                              "%"], overview), coverage(overview));
  }

  function renderCrosstab() {
    var holder = document.getElementById("crosstab");
    if (!D.variables.length) {
      holder.replaceChildren(el("p", { class: "meta", text: L.no_variables }));
      return;
    }
    var v = D.variables[state.cross], all = D.respondents.map(function (_, i) { return i; });
    var groups = v.groups.map(function (_, g) {
      return keepOf(all.filter(function (i) { return v.of[i] === g; }));
    });
    var sizes = groups.map(function (g) { return Object.keys(g).length; });
    var everyone = keepOf(all), seen = {}, rows = [];
    D.hypotheses.forEach(function (h, i) {
      if (state.hidden[i]) return;
      h.categories.forEach(function (cat) {
        cat.codes.forEach(function (index) {
          if (seen[index]) return;
          seen[index] = true;
          var code = D.codes[index], keys = [code.name], cells = [el("td", { text: code.name })];
          groups.forEach(function (g, j) {
            var k = counts(code, g).k;
            keys.push(sizes[j] ? k / sizes[j] : 0);
            cells.push(ratioCell(k, sizes[j]));
          });
          var total = counts(code, everyone).k;
          keys.push(total / (all.length || 1));
          cells.push(ratioCell(total, all.length));
          rows.push({ keys: keys, row: el("tr", { "data-code": code.name }, cells) });
        });
      });
    });
    // Named above the table: the printed page has no select to say which variable.
    var title = el("p", { class: "crosstab-of", text: fmt("crosstab_of", { variable: v.name }) });
    holder.replaceChildren(title,
      table("crosstab-table", [L.code].concat(v.groups, [L.total]), rows));
  }

  function render() {
    var list = members(), keep = keepOf(list), n = list.length;
    var status = state.variable < 0 ? fmt("respondents", { n: n }) : fmt("group_shown", {
      n: n, total: D.respondents.length, variable: D.variables[state.variable].name,
      value: D.variables[state.variable].groups[state.group] });
    document.getElementById("group-status").textContent = status;
    document.getElementById("group-printed").textContent = status;
    renderHypotheses(keep, n);
    renderCrosstab();
  }

  function option(value, text) { return el("option", { value: String(value), text: text }); }

  function controls() {
    var variable = document.getElementById("variable"), value = document.getElementById("value");
    variable.appendChild(option(-1, L.everyone));
    D.variables.forEach(function (v, i) { variable.appendChild(option(i, v.name)); });
    function values() {
      value.replaceChildren();
      value.disabled = state.variable < 0;
      if (state.variable >= 0) {
        D.variables[state.variable].groups.forEach(function (g, i) {
          value.appendChild(option(i, g));
        });
      }
    }
    variable.addEventListener("change", function () {
      state.variable = Number(variable.value);
      state.group = 0;
      values();
      render();
    });
    value.addEventListener("change", function () {
      state.group = Number(value.value);
      render();
    });
    values();
    var shown = document.getElementById("shown");
    D.hypotheses.forEach(function (h, i) {
      var box = el("input", { type: "checkbox", value: String(i) });
      box.checked = true;
      box.addEventListener("change", function () {
        state.hidden[i] = !box.checked;
        render();
      });
      shown.appendChild(el("label", {}, [box, el("span", { text: " " + h.label })]));
    });
    var cross = document.getElementById("cross-variable");
    D.variables.forEach(function (v, i) { cross.appendChild(option(i, v.name)); });
    cross.addEventListener("change", function () {
      state.cross = Number(cross.value);
      render();
    });
    var print = document.getElementById("print-view");
    print.addEventListener("click", function () {
      var on = document.body.classList.toggle("print");
      print.textContent = on ? L.screen : L.print;
    });
    document.getElementById("print-now").addEventListener("click", function () {
      window.print();
    });
  }

  controls();
  render();
})();
