/* reportnlp placeholder report: draws the report embedded in #report-data (gzip-compressed JSON in base64,
 * paragraphs pooled: see reportnlp.report.pack). Nothing is fetched. Document text (ids, titles, texts,
 * fields, dropped lines) only ever becomes text nodes or attribute values (textContent, createTextNode,
 * setAttribute("title")): it is never parsed as HTML. */
(function () {
  "use strict";

  var T0 = performance.now();

  function ready() {
    window.__reportTimings = window.__reportTimings || { script: T0 };
    window.__reportTimings.ready = window.__reportReadyMs = performance.now();
    document.documentElement.setAttribute("data-ready", "1");
  }

  var POOLED = ["placeholders", "title_placeholders", "metrics", "slogans", "giveaways", "leaks"];

  // base64 -> bytes -> gunzip (the browser's DecompressionStream) -> JSON, then the pooled texts joined.
  function decode(el) {
    var bin = atob(el.textContent.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  function unpack(data) {
    var pool = data.pool;
    var lists = data.lists;
    data.documents.forEach(function (d) {
      POOLED.forEach(function (k) { d[k] = lists[d[k]]; }); // shared, read-only
      var parts = d.text;
      var text = null;
      // The text is joined when first read (opening a document, a leak's snippet): 10,000 documents load fast.
      Object.defineProperty(d, "text", {
        get: function () {
          if (text === null) text = parts.map(function (k) { return pool[k]; }).join("\n\n");
          return text;
        },
        enumerable: true
      });
      d.dropped.forEach(function (r) { r.text = pool[r.text]; });
    });
    delete data.pool;
    delete data.lists;
    return data;
  }

  var el = document.getElementById("report-data");
  if (typeof DecompressionStream === "undefined") {
    document.getElementById("about-box").insertAdjacentText("afterend",
      "This browser cannot decompress the report's data (no DecompressionStream): open the page in a current browser, or read the JSON report.");
    ready();
    return;
  }
  decode(el).then(function (json) {
    var t1 = performance.now();
    var data = unpack(JSON.parse(json));
    main(data, t1, performance.now());
  }).catch(function (err) {
    document.getElementById("about-box").insertAdjacentText("afterend", "report error: " + err);
    ready();
    throw err;
  });

  function main(DATA, T1, T2) {
  var DOCS = DATA.documents;
  var S = DATA.summary;
  var PAGE_SIZE = 50;
  var TYPES = Object.keys(S.masks.by_type);
  var LAYERS = { metrics: false, slogans: false, evidence: true, giveaways: false };
  var SVG = "http://www.w3.org/2000/svg";
  // Milliseconds of the last drawing of each part, read by the benchmark (bench/bench_report.py).
  var TIMINGS = (window.__reportTimings = { script: T0, decode: T1 - T0, parse: T2 - T0 });

  // ------------------------------------------------------------------------------------ helpers

  function add(parent, kid) {
    if (kid === null || kid === undefined || kid === false) return;
    if (Array.isArray(kid)) {
      for (var i = 0; i < kid.length; i++) add(parent, kid[i]);
      return;
    }
    parent.appendChild(typeof kid === "object" ? kid : document.createTextNode(String(kid)));
  }

  // h("td", {class: "n", title: "…"}, kids…): props become textContent, className or plain attributes.
  function h(tag, props) {
    var e = document.createElement(tag);
    if (props) {
      for (var k in props) {
        if (!Object.prototype.hasOwnProperty.call(props, k) || props[k] === null || props[k] === undefined) continue;
        if (k === "text") e.textContent = String(props[k]);
        else if (k === "class") e.className = props[k];
        else e.setAttribute(k, String(props[k]));
      }
    }
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  function int(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function dec(x, digits) {
    return Number(x).toFixed(digits === undefined ? 2 : digits);
  }

  function clear(e) {
    while (e.firstChild) e.removeChild(e.firstChild);
    return e;
  }

  function card(value, label) {
    return h("div", { class: "card" }, h("b", { text: value }), h("span", { text: label }));
  }

  function swatch(cls, title) {
    return h("span", { class: "swatch " + cls, title: title });
  }

  function table(headers, rows, cls) {
    var head = h("tr");
    headers.forEach(function (c) {
      add(head, h("th", { class: c.num ? "n" : null, text: c.label }));
    });
    return h("table", { class: cls || null }, h("thead", null, head), h("tbody", null, rows));
  }

  function pager(state, total, redraw, idPrefix) {
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (state.page >= pages) state.page = pages - 1;
    function go(p) {
      return function () {
        state.page = Math.max(0, Math.min(pages - 1, p));
        redraw();
      };
    }
    var first = state.page * PAGE_SIZE;
    var info = total
      ? "page " + int(state.page + 1) + " of " + int(pages) + " · rows " + int(first + 1) + "–" +
        int(Math.min(total, first + PAGE_SIZE)) + " of " + int(total)
      : "no rows";
    var b = function (id, label, p, off) {
      var btn = h("button", { id: idPrefix + id, type: "button", text: label });
      btn.disabled = off;
      btn.addEventListener("click", go(p));
      return btn;
    };
    return h(
      "span",
      { class: "pager" },
      b("first", "«", 0, state.page === 0),
      b("prev", "‹", state.page - 1, state.page === 0),
      " ",
      h("span", { id: idPrefix + "info", text: info }),
      " ",
      b("next", "›", state.page + 1, state.page >= pages - 1),
      b("last", "»", pages - 1, state.page >= pages - 1)
    );
  }

  // A mask (or any span) with the characters around it, the span highlighted.
  function snippet(text, start, end, type, width) {
    var w = width || 10;
    var a = Math.max(0, start - w);
    var z = Math.min(text.length, end + w);
    return h(
      "span",
      { class: "context" },
      (a > 0 ? "…" : "") + text.slice(a, start).replace(/\s+/g, " "),
      h("mark", { class: "ph t-" + type, text: text.slice(start, end) }),
      text.slice(end, z).replace(/\s+/g, " ") + (z < text.length ? "…" : "")
    );
  }

  // ----------------------------------------------------------------------------------- summary

  function renderAbout() {
    var a = DATA.about || {};
    var p = document.getElementById("about");
    add(p, [
      (a.generator || "reportnlp") + " · report format " + a.format + ". ",
      "Offsets: " + a.offsets + ". Density: " + a.density + ". Masked contexts: " + a.contexts + ". " +
        "Year: " + a.year + ". Template families: " + a.families + "."
    ]);
  }

  function histogram(bins) {
    var W = 440, H = 190, left = 34, bottom = 36, top = 16;
    var max = 1;
    bins.forEach(function (b) { max = Math.max(max, b.documents); });
    var bw = (W - left - 8) / bins.length;
    var s = svg("svg", { class: "hist", width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img" });
    s.appendChild(svg("title", {}, "Documents by mask density (masks per 1,000 characters)"));
    s.appendChild(svg("line", { x1: left, y1: H - bottom, x2: W - 4, y2: H - bottom, stroke: "#999" }));
    bins.forEach(function (b, i) {
      var bh = ((H - bottom - top) * b.documents) / max;
      var x = left + i * bw + 3;
      var y = H - bottom - bh;
      var r = svg("rect", { class: "bar", x: x, y: y, width: bw - 6, height: Math.max(bh, b.documents ? 1 : 0) });
      r.appendChild(svg("title", {}, b.label + ": " + b.documents + " documents"));
      s.appendChild(r);
      s.appendChild(svg("text", { x: x + (bw - 6) / 2, y: y - 3, "text-anchor": "middle" }, int(b.documents)));
      s.appendChild(svg("text", { x: x + (bw - 6) / 2, y: H - bottom + 14, "text-anchor": "middle" }, b.label));
    });
    s.appendChild(svg("text", { x: left + (W - left) / 2, y: H - 6, "text-anchor": "middle" }, "masks per 1,000 characters"));
    return s;
  }

  function renderSummary() {
    var sec = document.getElementById("summary");
    var m = S.masks;
    add(sec, h("div", { class: "cards" },
      card(int(S.documents), "documents"),
      card(int(S.characters), "characters of clean text"),
      card(int(m.total), "masks in the texts"),
      card(dec(m.per_1000), "masks per 1,000 characters"),
      card(int(S.documents_with_masks), "documents with masks"),
      card(int(S.title_masks.total), "masks in titles"),
      card(int(S.leaks.masks), "masks with a leak"),
      card(int(S.leaks.documents), "documents with a leak"),
      S.failed ? card(int(S.failed), "inputs failed") : null
    ));
    var typeRows = TYPES.map(function (t) {
      return h("tr", null,
        h("td", null, swatch("t-" + t, t), t),
        h("td", { class: "n", text: int(m.by_type[t]) }),
        h("td", { class: "n", text: dec(m.per_1000_by_type[t], 3) }),
        h("td", { class: "n", text: int(S.title_masks.by_type[t]) }));
    });
    typeRows.push(h("tr", null, h("td", null, h("b", { text: "all" })),
      h("td", { class: "n", text: int(m.total) }), h("td", { class: "n", text: dec(m.per_1000, 3) }),
      h("td", { class: "n", text: int(S.title_masks.total) })));
    var byType = table([{ label: "mask type" }, { label: "masks", num: true },
      { label: "per 1,000 chars", num: true }, { label: "in titles", num: true }], typeRows, "by-type");
    var d = S.density;
    var left = h("div", null, h("h3", { text: "Masks by type" }), byType,
      h("h3", { text: "Distribution of mask density" }), histogram(d.bins),
      h("p", { class: "note", text: "mean " + dec(d.mean) + ", median " + dec(d.median) + ", max " +
        dec(d.max) + " masks per 1,000 characters; " + int(S.metrics) + " metrics, " + int(S.slogans) +
        " slogans, " + int(S.dropped_lines) + " dropped boilerplate lines in all" }));
    var ctxRows = S.top_contexts.map(function (c, i) {
      return h("tr", null,
        h("td", { class: "n", text: i + 1 }),
        h("td", null, h("mark", { class: "ph t-" + c.type, text: c.context })),
        h("td", { class: "n", text: int(c.count) }),
        h("td", { class: "n", text: int(c.documents) }),
        h("td", { class: "forms", text: c.forms.map(function (f) { return f.text + " ×" + f.count; }).join("   ") }));
    });
    var right = h("div", null, h("h3", { text: "Most frequent masked contexts" }),
      S.top_contexts.length
        ? table([{ label: "#", num: true }, { label: "context" }, { label: "masks", num: true },
          { label: "docs", num: true }, { label: "as written" }], ctxRows, "contexts")
        : h("p", { class: "empty", text: "no masks" }),
      h("p", { class: "note", text: int(S.distinct_contexts) + " distinct contexts" }));
    renderPlots();
    add(sec, h("div", { class: "row" }, left, right));
  }

  // ------------------------------------------------------------------------------- documents table

  function topPlace(d) {
    return d.leaks.length ? d.leaks[0].candidates[0].place : "";
  }

  function familyLabel(d) {
    return d.family ? "F" + d.family.family + (d.family.duplicate ? " dup" : "") : "";
  }

  // User fields as columns (the first 8 names; every field is in the CSV and the views).
  var FIELDS = S.fields || [];
  var COLUMNS = [
    { key: "index", label: "#", num: true, get: function (d, i) { return i + 1; } },
    { key: "id", label: "id", get: function (d) { return String(d.id); } },
    { key: "title", label: "title", get: function (d) { return d.title || ""; } },
    { key: "characters", label: "characters", num: true, get: function (d) { return d.characters; } },
    { key: "masks", label: "masks", num: true, get: function (d) { return d.counts.placeholders; } },
    { key: "density", label: "per 1,000", num: true, get: function (d) { return d.density; }, fmt: function (v) { return dec(v); } },
    { key: "title_masks", label: "in title", num: true, get: function (d) { return d.counts.title_placeholders; } }
  ].concat(TYPES.map(function (t) {
    return { key: "type-" + t, label: t, type: t, num: true, tip: t + " masks in the text", get: function (d) { return d.counts.by_type[t] || 0; } };
  })).concat([
    { key: "metrics", label: "metrics", num: true, get: function (d) { return d.counts.metrics; } },
    { key: "slogans", label: "slogans", num: true, get: function (d) { return d.counts.slogans; } },
    { key: "leak", label: "leak", get: topPlace },
    { key: "year", label: "year", num: true, get: function (d) { return d.year === null || d.year === undefined ? -1 : d.year; }, fmt: function (v) { return v < 0 ? "" : v; } },
    { key: "site", label: "site", get: function (d) { return d.site || ""; } },
    { key: "family", label: "family", tip: "template family (dup: a near-copy of the family's medoid)", get: familyLabel },
    { key: "source", label: "source", get: function (d) { return d.source || ""; } }
  ]).concat(FIELDS.slice(0, 8).map(function (f) {
    return { key: "field-" + f, label: f, field: f, tip: "your field " + f, get: function (d) { return fieldText(d, f); } };
  }));
  var COL = {};
  COLUMNS.forEach(function (c) { COL[c.key] = c; });

  var table$ = { key: "index", dir: 1, page: 0, filter: "", onlyMasks: false, onlyLeaks: false, current: -1, facet: null };

  function docOrder() {
    var f = table$.filter.toLowerCase();
    var out = [];
    for (var i = 0; i < DOCS.length; i++) {
      var d = DOCS[i];
      if (table$.onlyMasks && !d.counts.placeholders && !d.counts.title_placeholders) continue;
      if (table$.onlyLeaks && !d.leaks.length) continue;
      if (f && String(d.id).toLowerCase().indexOf(f) < 0 && (d.title || "").toLowerCase().indexOf(f) < 0) continue;
      if (table$.facet && groupValue(d, table$.facet.by) !== table$.facet.value) continue;
      out.push(i);
    }
    var col = COL[table$.key];
    var dir = table$.dir;
    var keys = {};
    out.forEach(function (i) { keys[i] = col.get(DOCS[i], i); });
    out.sort(function (a, b) {
      var x = keys[a], y = keys[b];
      if (x < y) return -dir;
      if (x > y) return dir;
      return a - b;
    });
    return out;
  }

  function renderDocuments() {
    var sec = document.getElementById("documents");
    var search = h("input", { id: "doc-filter", type: "search", placeholder: "filter by id or title", size: 28 });
    search.addEventListener("input", function () {
      table$.filter = search.value;
      table$.page = 0;
      drawRows();
    });
    var only = function (id, label, field) {
      var box = h("input", { id: id, type: "checkbox" });
      box.addEventListener("change", function () {
        table$[field] = box.checked;
        table$.page = 0;
        drawRows();
      });
      return h("label", null, box, " " + label);
    };
    var head = h("tr");
    COLUMNS.forEach(function (c) {
      var th = h("th", { class: c.num ? "n" : null, id: "col-" + c.key }, c.type ? swatch("t-" + c.type, c.type) : null, c.label);
      if (c.sortable !== false) {
        th.setAttribute("data-key", c.key);
        th.setAttribute("title", (c.tip ? c.tip + "; " : "") + "sort by " + c.label);
        th.addEventListener("click", function () { sortBy(c.key); });
      }
      add(head, th);
    });
    var csv = h("button", { id: "csv", type: "button", text: "Download CSV", title: "the documents of this view, in this order, as CSV (UTF-8)" });
    csv.addEventListener("click", downloadCsv);
    add(sec, [
      h("div", { class: "tools" }, search, only("only-masks", "with masks", "onlyMasks"),
        only("only-leaks", "with leaks", "onlyLeaks"), h("span", { id: "facet" }), csv, h("span", { id: "doc-pager" })),
      h("div", { class: "scroll" }, h("table", { id: "doc-table" }, h("thead", null, head), h("tbody", { id: "doc-rows" }))),
      h("p", { class: "note", text: "Click a column to sort (again to reverse), a row to open the document." })
    ]);
    drawRows();
  }

  function sortBy(key) {
    if (table$.key === key) table$.dir = -table$.dir;
    else {
      table$.key = key;
      table$.dir = COL[key].num && key !== "index" ? -1 : 1;
    }
    table$.page = 0;
    drawRows();
  }

  function drawRows() {
    var t0 = performance.now();
    var order = docOrder();
    COLUMNS.forEach(function (c) {
      var th = document.getElementById("col-" + c.key);
      if (c.key === table$.key) th.setAttribute("aria-sort", table$.dir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    var body = clear(document.getElementById("doc-rows"));
    var first = table$.page * PAGE_SIZE;
    var frag = document.createDocumentFragment();
    order.slice(first, first + PAGE_SIZE).forEach(function (i) {
      var d = DOCS[i];
      var tr = h("tr", { class: "doc-row" + (i === table$.current ? " current" : ""), "data-index": i, "data-id": d.id });
      COLUMNS.forEach(function (c) {
        var v = c.get(d, i);
        if (c.key === "family" && d.family) {
          var a = h("a", { href: "#families", text: v, title: "family " + d.family.family + ": " + d.family.size + " documents, similarity " + dec(d.family.similarity, 3) });
          a.addEventListener("click", function (e) { e.stopPropagation(); e.preventDefault(); showFamily(d.family.family); });
          add(tr, h("td", null, a));
          return;
        }
        var clip = !c.num && c.key !== "leak";
        add(tr, h("td", { class: c.num ? "n" : c.key === "title" || c.key === "id" ? c.key : clip ? "clip" : null, text: c.fmt ? c.fmt(v) : v,
          title: clip && v ? v : c.key === "leak" && d.leaks.length ? d.leaks[0].candidates[0].path.join(" › ") : null }));
      });
      tr.addEventListener("click", function () { goTo("doc=" + i); });
      frag.appendChild(tr);
    });
    body.appendChild(frag);
    var slot = clear(document.getElementById("doc-pager"));
    add(slot, pager(table$, order.length, drawRows, "page-"));
    var facet = clear(document.getElementById("facet"));
    if (table$.facet) {
      var off = h("button", { id: "facet-clear", type: "button", text: "×", title: "show all documents" });
      off.addEventListener("click", function () { setFacet(null); });
      add(facet, h("span", { class: "chip" }, table$.facet.by + " = " + groupLabel(table$.facet.value) + " ", off));
    }
    TIMINGS.rows = performance.now() - t0;
  }

  // ----------------------------------------------------------------------------- views and plots

  function fieldText(d, f) {
    var v = d.fields ? d.fields[f] : undefined;
    if (v === null || v === undefined) return "";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }

  function metaText(d, k) {
    var v = d.meta ? d.meta[k] : undefined;
    return v === null || v === undefined ? "" : String(v);
  }

  // The metadata the pages gave (source, author, date…), each a grouping and a CSV column.
  var META_KEYS = (function () {
    var seen = {};
    DOCS.forEach(function (d) { Object.keys(d.meta || {}).forEach(function (k) { seen[k] = 1; }); });
    return Object.keys(seen).sort();
  })();

  var GROUPINGS = [
    { by: "year", label: "year" },
    { by: "site", label: "site" },
    { by: "source", label: "source file" },
    { by: "family", label: "template family" }
  ].concat(META_KEYS.map(function (k) { return { by: "meta:" + k, label: "metadata: " + k }; }))
    .concat(FIELDS.map(function (f) { return { by: "field:" + f, label: "field: " + f }; }));

  // The value a document has in a grouping, always a string ("" when it has none).
  function groupValue(d, by) {
    if (by === "year") return d.year === null || d.year === undefined ? "" : String(d.year);
    if (by === "site") return d.site || "";
    if (by === "source") return (d.source || "").replace(/:\d+$/, "");
    if (by === "family") return d.family ? "F" + d.family.family : "";
    if (by.lastIndexOf("field:", 0) === 0) return fieldText(d, by.slice(6));
    if (by.lastIndexOf("meta:", 0) === 0) return metaText(d, by.slice(5));
    return "";
  }

  function groupLabel(v) {
    return v === "" ? "(none)" : v;
  }

  function setFacet(facet) {
    table$.facet = facet;
    table$.page = 0;
    drawRows();
    if (facet) document.getElementById("documents").scrollIntoView({ block: "start" });
  }

  var views$ = { by: "year", page: 0, rows: [] };

  function computeGroups(by) {
    var groups = {};
    var list = [];
    DOCS.forEach(function (d) {
      var v = groupValue(d, by);
      var g = groups[v];
      if (!g) {
        g = groups[v] = { value: v, documents: 0, characters: 0, masks: 0, withMasks: 0, leaks: 0, byType: {} };
        TYPES.forEach(function (t) { g.byType[t] = 0; });
        list.push(g);
      }
      g.documents++;
      g.characters += d.characters;
      g.masks += d.counts.placeholders;
      if (d.counts.placeholders) g.withMasks++;
      if (d.leaks.length) g.leaks++;
      TYPES.forEach(function (t) { g.byType[t] += d.counts.by_type[t] || 0; });
    });
    list.sort(function (a, b) {
      if ((a.value === "") !== (b.value === "")) return a.value === "" ? 1 : -1;
      if (by === "year") return Number(a.value) - Number(b.value);
      return b.documents - a.documents || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
    });
    return list;
  }

  function renderViews() {
    var sec = document.getElementById("views");
    var select = h("select", { id: "group-by" });
    GROUPINGS.forEach(function (g) { add(select, h("option", { value: g.by, text: g.label })); });
    select.addEventListener("change", function () {
      views$.by = select.value;
      views$.page = 0;
      drawViews();
    });
    var head = h("tr", null, h("th", { id: "group-col", text: "year" }), h("th", { class: "n", text: "documents" }),
      h("th", { class: "n", text: "characters" }), h("th", { class: "n", text: "masks" }),
      TYPES.map(function (t) { return h("th", { class: "n" }, swatch("t-" + t, t), t); }),
      h("th", { class: "n", text: "per 1,000" }), h("th", { class: "n", text: "with masks" }), h("th", { class: "n", text: "with leaks" }));
    add(sec, [
      h("div", { class: "tools" }, h("label", null, "Group the documents by ", select), h("span", { id: "view-pager" })),
      h("div", { class: "scroll" }, h("table", { id: "view-table" }, h("thead", null, head), h("tbody", { id: "view-rows" }))),
      h("p", { class: "note", text: "Click a row to list its documents in the table below (and export them as CSV)." })
    ]);
    drawViews();
  }

  function drawViews() {
    var t0 = performance.now();
    views$.rows = computeGroups(views$.by);
    var label = GROUPINGS.filter(function (g) { return g.by === views$.by; })[0].label;
    document.getElementById("group-col").textContent = label;
    var body = clear(document.getElementById("view-rows"));
    var first = views$.page * PAGE_SIZE;
    views$.rows.slice(first, first + PAGE_SIZE).forEach(function (g) {
      var tr = h("tr", { class: "view-row", "data-value": g.value },
        h("td", { text: groupLabel(g.value) }), h("td", { class: "n", text: int(g.documents) }),
        h("td", { class: "n", text: int(g.characters) }), h("td", { class: "n", text: int(g.masks) }),
        TYPES.map(function (t) { return h("td", { class: "n", text: int(g.byType[t]) }); }),
        h("td", { class: "n", text: dec(g.characters ? (1000 * g.masks) / g.characters : 0) }),
        h("td", { class: "n", text: int(g.withMasks) }), h("td", { class: "n", text: int(g.leaks) }));
      tr.addEventListener("click", function () { setFacet({ by: views$.by, value: g.value }); });
      body.appendChild(tr);
    });
    add(clear(document.getElementById("view-pager")), pager(views$, views$.rows.length, drawViews, "view-page-"));
    TIMINGS.views = performance.now() - t0;
  }

  // Stacked bars: masks per 1,000 characters by type, one bar a year (gaps where no document is dated).
  function yearPlot(years) {
    var W = 560, H = 220, left = 40, bottom = 34, top = 14, right = 8;
    var s = svg("svg", { class: "plot", id: "plot-years", width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img" });
    s.appendChild(svg("title", {}, "Masks per 1,000 characters by type, by year"));
    var y0 = years[0].year, y1 = years[years.length - 1].year;
    var span = y1 - y0 + 1;
    var max = 0;
    years.forEach(function (y) { max = Math.max(max, y.per_1000); });
    max = max || 1;
    var bw = (W - left - right) / span;
    var ph = H - bottom - top;
    s.appendChild(svg("line", { x1: left, y1: H - bottom, x2: W - right, y2: H - bottom, stroke: "#999" }));
    s.appendChild(svg("text", { x: left - 4, y: top + 4, "text-anchor": "end" }, dec(max, 1)));
    s.appendChild(svg("text", { x: left - 4, y: H - bottom, "text-anchor": "end" }, "0"));
    years.forEach(function (y) {
      var x = left + (y.year - y0) * bw;
      var base = H - bottom;
      TYPES.forEach(function (t) {
        var v = y.per_1000_by_type[t] || 0;
        if (!v) return;
        var hgt = (ph * v) / max;
        var r = svg("rect", { class: "seg t-" + t, x: x + bw * 0.1, y: base - hgt, width: Math.max(1, bw * 0.8), height: hgt });
        r.appendChild(svg("title", {}, y.year + " · " + t + ": " + y.by_type[t] + " masks, " + dec(v, 3) + " per 1,000 characters (" + y.documents + " documents)"));
        s.appendChild(r);
        base -= hgt;
      });
      if (!y.masks) {
        var z = svg("rect", { class: "zero", x: x + bw * 0.1, y: H - bottom - 1, width: Math.max(1, bw * 0.8), height: 1 });
        z.appendChild(svg("title", {}, y.year + ": no mask (" + y.documents + " documents)"));
        s.appendChild(z);
      }
    });
    var step = Math.max(1, Math.ceil(span / 10));
    for (var yr = y0; yr <= y1; yr += step) {
      s.appendChild(svg("text", { x: left + (yr - y0 + 0.5) * bw, y: H - bottom + 14, "text-anchor": "middle" }, yr));
    }
    s.appendChild(svg("text", { x: left + (W - left) / 2, y: H - 4, "text-anchor": "middle" }, "year · masks per 1,000 characters, by type"));
    return s;
  }

  // Horizontal bars: mask density of the sites with the most documents.
  function sitePlot(sites) {
    var rows = sites.slice(0, 15);
    var W = 560, rowH = 18, left = 170, right = 60, top = 6;
    var H = top + rows.length * rowH + 22;
    var s = svg("svg", { class: "plot", id: "plot-sites", width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img" });
    s.appendChild(svg("title", {}, "Masks per 1,000 characters by site"));
    var max = 0;
    rows.forEach(function (r) { max = Math.max(max, r.per_1000); });
    max = max || 1;
    rows.forEach(function (r, i) {
      var y = top + i * rowH;
      var name = r.site.length > 14 ? r.site.slice(0, 13) + "…" : r.site;
      s.appendChild(svg("text", { x: left - 6, y: y + rowH * 0.7, "text-anchor": "end" }, name));
      var w = ((W - left - right) * r.per_1000) / max;
      var bar = svg("rect", { class: "bar", x: left, y: y + 3, width: Math.max(w, r.masks ? 1 : 0), height: rowH - 6 });
      bar.appendChild(svg("title", {}, r.site + ": " + r.masks + " masks in " + r.documents + " documents, " + dec(r.per_1000, 3) + " per 1,000 characters"));
      s.appendChild(bar);
      s.appendChild(svg("text", { x: left + w + 4, y: y + rowH * 0.7 }, dec(r.per_1000) + " (" + r.documents + ")"));
    });
    s.appendChild(svg("text", { x: left + (W - left) / 2, y: H - 4, "text-anchor": "middle" }, "masks per 1,000 characters (documents)"));
    return s;
  }

  function renderPlots() {
    var sec = document.getElementById("summary");
    var years = S.by_year || [];
    var sites = S.by_site || [];
    var legend = h("div", { class: "legend" }, TYPES.map(function (t) { return h("span", null, swatch("t-" + t, t), t); }));
    add(sec, h("div", { class: "row" },
      h("div", null, h("h3", { text: "Masks by type over time" }),
        years.length ? [yearPlot(years), legend] : h("p", { class: "empty", text: "No document has a year (a year or date field, a date in its metadata, or a title starting with one)." })),
      h("div", null, h("h3", { text: "Mask density by site" }),
        sites.length ? sitePlot(sites) : h("p", { class: "empty", text: "No document names its site." }))));
  }

  // ------------------------------------------------------------------------------------- CSV export

  function csvCell(v) {
    var t = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(t) && !/^-?\d+(\.\d+)?$/.test(t)) t = "'" + t; // no formula in a spreadsheet
    return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }

  function csvText(order) {
    var cols = [
      ["index", function (d, i) { return i + 1; }], ["id", function (d) { return d.id; }],
      ["title", function (d) { return d.title || ""; }], ["source", function (d) { return d.source || ""; }],
      ["year", function (d) { return d.year === null || d.year === undefined ? "" : d.year; }],
      ["site", function (d) { return d.site || ""; }], ["characters", function (d) { return d.characters; }],
      ["masks", function (d) { return d.counts.placeholders; }], ["per_1000", function (d) { return d.density; }],
      ["title_masks", function (d) { return d.counts.title_placeholders; }]
    ].concat(TYPES.map(function (t) { return ["masks_" + t, function (d) { return d.counts.by_type[t] || 0; }]; })).concat([
      ["metrics", function (d) { return d.counts.metrics; }], ["slogans", function (d) { return d.counts.slogans; }],
      ["leaks", function (d) { return d.counts.leaks; }], ["top_place", topPlace],
      ["family", function (d) { return d.family ? d.family.family : ""; }],
      ["family_size", function (d) { return d.family ? d.family.size : ""; }],
      ["similarity", function (d) { return d.family ? d.family.similarity : ""; }],
      ["duplicate", function (d) { return d.family && d.family.duplicate ? 1 : 0; }]
    ]).concat(META_KEYS.map(function (k) { return ["meta_" + k, function (d) { return metaText(d, k); }]; }))
      .concat(FIELDS.map(function (f) { return ["field_" + f, function (d) { return fieldText(d, f); }]; }));
    var lines = [cols.map(function (c) { return csvCell(c[0]); }).join(",")];
    order.forEach(function (i) {
      var d = DOCS[i];
      lines.push(cols.map(function (c) { return csvCell(c[1](d, i)); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function downloadCsv() {
    var order = docOrder();
    var blob = new Blob(["\ufeff" + csvText(order)], { type: "text/csv;charset=utf-8" });
    var a = h("a", { download: "documents.csv" });
    a.href = URL.createObjectURL(blob);
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    TIMINGS.csvRows = order.length;
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  // -------------------------------------------------------------------------------------- families

  var FAMS = DATA.families || [];
  var fam$ = { page: 0 };

  function docLink(i, label) {
    var d = DOCS[i];
    var a = h("a", { href: "#doc=" + i, class: "doc-link", "data-index": i, text: label || d.id, title: d.title || d.id });
    a.addEventListener("click", function (e) { e.preventDefault(); goTo("doc=" + i); });
    return a;
  }

  function renderFamilies() {
    var sec = document.getElementById("families");
    var F = S.families || { families: 0, documents: 0, duplicates: 0 };
    add(sec, h("p", null, int(F.families) + " template families hold " + int(F.documents) + " documents, " +
      int(F.duplicates) + " of them near-copies of their family's medoid (similarity ≥ " + (F.duplicate || 0.9) +
      "). A family is documents whose texts share at least half their character 5-grams once masks and numbers are made alike (Jaccard ≥ " +
      (F.threshold || 0.5) + "; see reportnlp templates)."));
    add(sec, [h("div", { class: "tools" }, h("span", { id: "fam-pager" })),
      h("div", { class: "scroll" }, h("table", { id: "fam-table" }, h("thead", null, h("tr", null,
        ["family", "documents", "near-copies", "medoid", "members (similarity to the medoid)"].map(function (t, k) {
          return h("th", { text: t, class: k === 1 || k === 2 ? "n" : null });
        }))), h("tbody", { id: "fam-rows" })))]);
    drawFamilies();
  }

  function drawFamilies() {
    var body = clear(document.getElementById("fam-rows"));
    var first = fam$.page * PAGE_SIZE;
    FAMS.slice(first, first + PAGE_SIZE).forEach(function (f) {
      var members = h("td", { class: "members" });
      f.members.slice(0, 30).forEach(function (m, k) {
        add(members, [k ? ", " : "", docLink(m), " " + dec(f.similarity[k], 2) + (m !== f.medoid && f.similarity[k] >= (S.families.duplicate || 0.9) ? " dup" : "")]);
      });
      if (f.members.length > 30) add(members, " … and " + (f.members.length - 30) + " more");
      body.appendChild(h("tr", { id: "family-" + f.family, class: "fam-row" }, h("td", { text: "F" + f.family }),
        h("td", { class: "n", text: int(f.size) }), h("td", { class: "n", text: int(f.duplicates) }),
        h("td", null, docLink(f.medoid, DOCS[f.medoid].id + (DOCS[f.medoid].title ? " " + DOCS[f.medoid].title : ""))), members));
    });
    if (!FAMS.length) body.appendChild(h("tr", null, h("td", { colspan: 5, class: "empty", text: "No two documents share a template." })));
    add(clear(document.getElementById("fam-pager")), pager(fam$, FAMS.length, drawFamilies, "fam-page-"));
  }

  function showFamily(n) {
    var k = -1;
    for (var j = 0; j < FAMS.length; j++) if (FAMS[j].family === n) k = j;
    if (k < 0) return;
    fam$.page = Math.floor(k / PAGE_SIZE);
    drawFamilies();
    focusOn("family-" + n);
  }

  // The family box of the document view: its family's other members, linked.
  function familyBox(i) {
    var d = DOCS[i];
    if (!d.family) return h("p", { class: "note", id: "doc-family", text: "No other document shares this document's template." });
    var f = null;
    for (var j = 0; j < FAMS.length; j++) if (FAMS[j].family === d.family.family) f = FAMS[j];
    var head = "Template family F" + d.family.family + ": " + d.family.size + " documents; " +
      (i === f.medoid ? "this document is the family's medoid" : "similarity to the medoid " + dec(d.family.similarity, 3) +
        (d.family.duplicate ? " (a near-copy)" : "")) + ". Others: ";
    var others = [];
    f.members.forEach(function (m, k) {
      if (m === i || others.length >= 40) return;
      others.push([others.length ? ", " : "", docLink(m), (m === f.medoid ? " (medoid)" : " " + dec(f.similarity[k], 2))]);
    });
    var all = h("a", { href: "#families", text: "all families" });
    all.addEventListener("click", function (e) { e.preventDefault(); showFamily(d.family.family); });
    return h("p", { id: "doc-family" }, head, others, f.members.length - 1 > 40 ? " …" : "", " · ", all);
  }

  // A page without any CJK font shows every Chinese character as the same box: say so once.
  function checkFont() {
    try {
      var c = document.createElement("canvas");
      c.width = 40;
      c.height = 20;
      var g = c.getContext("2d", { willReadFrequently: true });
      var draw = function (ch) {
        g.clearRect(0, 0, 40, 20);
        g.font = '16px system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
        g.fillText(ch, 2, 16);
        return Array.prototype.join.call(g.getImageData(0, 0, 40, 20).data);
      };
      var a = draw("中"), b = draw("国"), missing = draw("\ue000");
      document.getElementById("font-note").hidden = !(a === b || a === missing);
    } catch (e) {
      /* no canvas: say nothing */
    }
  }

  // ---------------------------------------------------------------------------------- document view

  var view = { index: -1 };

  function tipOfMetric(m) {
    var parts = ["metric " + m.text];
    if (m.value !== null && m.value !== undefined) parts.push("value " + m.value);
    if (m.high !== null && m.high !== undefined) parts.push("to " + m.high);
    if (m.qualifier) parts.push("qualifier " + m.qualifier);
    if (m.unit) parts.push("unit " + m.unit);
    if (m.thing) parts.push("counts " + m.thing);
    if (m.masked) parts.push("masked");
    return parts.join(" · ");
  }

  function leakTip(leak) {
    var c = leak.candidates[0];
    return "leak: " + leak.context + " → " + c.place + " (" + dec(c.score, 3) + "; " + c.path.join(" › ") + ")";
  }

  // Write text into container, masks as <mark class="ph t-TYPE"> (one element per mask, never cut) and
  // the switched-on layers (metrics, slogans, leak evidence, giveaways) as classes on the pieces they cover.
  function renderSpans(container, text, masks, extras, prefix) {
    clear(container);
    var ms = masks.slice().sort(function (a, b) { return a.start - b.start; });
    var cuts = [0, text.length];
    ms.forEach(function (m) { cuts.push(m.start, m.end); });
    extras.forEach(function (e) { cuts.push(e.start, e.end); });
    cuts.sort(function (a, b) { return a - b; });
    var pts = [];
    var mi = 0;
    cuts.forEach(function (p) {
      if (p < 0 || p > text.length || (pts.length && pts[pts.length - 1] === p)) return;
      while (mi < ms.length && ms[mi].end <= p) mi++;
      if (mi < ms.length && ms[mi].start < p && p < ms[mi].end) return;
      pts.push(p);
    });
    var ex = extras.slice().sort(function (a, b) { return a.start - b.start; });
    var active = [];
    var ei = 0;
    mi = 0;
    var frag = document.createDocumentFragment();
    for (var s = 0; s + 1 < pts.length; s++) {
      var a = pts[s], b = pts[s + 1];
      while (ei < ex.length && ex[ei].start < b) active.push(ex[ei++]);
      active = active.filter(function (e) { return e.end > a; });
      while (mi < ms.length && ms[mi].end <= a) mi++;
      var m = mi < ms.length && ms[mi].start <= a && b <= ms[mi].end ? ms[mi] : null;
      var piece = text.slice(a, b);
      if (!m && !active.length) {
        frag.appendChild(document.createTextNode(piece));
        continue;
      }
      var node = document.createElement(m ? "mark" : "span");
      var cls = [];
      var tips = [];
      if (m) {
        cls.push("ph", "t-" + m.type);
        tips.push(m.tip);
        node.setAttribute("data-i", m.i);
        node.id = prefix + m.i;
      }
      var keys = [];
      active.forEach(function (e) {
        if (cls.indexOf(e.cls) < 0) cls.push(e.cls);
        tips.push(e.tip);
        keys.push(e.key);
      });
      if (keys.length) node.setAttribute("data-spans", keys.join(" "));
      node.className = cls.join(" ");
      node.setAttribute("title", tips.join("\n"));
      node.textContent = piece;
      frag.appendChild(node);
    }
    container.appendChild(frag);
  }

  function maskList(list, leaksBySource, source) {
    return list.map(function (p, i) {
      var tip = "mask " + p.text + " · " + p.type + " · " + source + "[" + p.start + ":" + p.end + "]";
      var leak = leaksBySource[source + ":" + p.start];
      if (leak) tip += "\n" + leakTip(leak);
      return { start: p.start, end: p.end, type: p.type, i: i, tip: tip };
    });
  }

  function extrasOf(d) {
    var out = [];
    if (LAYERS.metrics) d.metrics.forEach(function (m, i) { out.push({ start: m.start, end: m.end, cls: "metric", key: "metric:" + i, tip: tipOfMetric(m) }); });
    if (LAYERS.slogans) {
      d.slogans.forEach(function (s, i) {
        var tip = "slogan (" + s.kind + ") " + s.text + (s.expansion && s.expansion.length ? " → " + s.expansion.join("、") : "");
        out.push({ start: s.start, end: s.end, cls: "slogan", key: "slogan:" + i, tip: tip });
      });
    }
    if (LAYERS.evidence) {
      var seen = {};
      d.leaks.forEach(function (leak, li) {
        var c = leak.candidates[0];
        c.evidence.forEach(function (e) {
          var k = e.start + ":" + e.end + ":" + c.place;
          if (seen[k]) return;
          seen[k] = true;
          out.push({ start: e.start, end: e.end, cls: "evidence", key: "evidence:" + li, tip: "evidence for " + c.place + " (" + c.level + ")" });
        });
      });
    }
    if (LAYERS.giveaways) d.giveaways.forEach(function (g, i) { out.push({ start: g.start, end: g.end, cls: "giveaway", key: "giveaway:" + i, tip: "giveaway: " + g.kind }); });
    return out;
  }

  function evidenceCount(d) {
    var seen = {};
    d.leaks.forEach(function (l) { l.candidates[0].evidence.forEach(function (e) { seen[e.start + ":" + e.end] = 1; }); });
    return Object.keys(seen).length;
  }

  function drawText() {
    var t0 = performance.now();
    var d = DOCS[view.index];
    var leaksBy = {};
    d.leaks.forEach(function (l) {
      var k = l.source + ":" + l.mask.start;
      if (!leaksBy[k]) leaksBy[k] = l;
    });
    renderSpans(document.getElementById("doc-title"), d.title || "(no title)",
      d.title ? maskList(d.title_placeholders, leaksBy, "title") : [], [], "tph-");
    renderSpans(document.getElementById("doc-text"), d.text, maskList(d.placeholders, leaksBy, "text"), extrasOf(d), "ph-");
    TIMINGS.text = performance.now() - t0;
  }

  function toggle(layer, label, count, sw) {
    var box = h("input", { id: "toggle-" + layer, type: "checkbox" });
    box.checked = LAYERS[layer];
    box.addEventListener("change", function () {
      LAYERS[layer] = box.checked;
      drawText();
    });
    return h("label", null, box, " ", swatch(sw, label), label + " (" + count + ")");
  }

  function focusOn(id) {
    var e = document.getElementById(id);
    if (!e) return;
    e.scrollIntoView({ block: "center" });
    e.classList.remove("flash");
    void e.offsetWidth;
    e.classList.add("flash");
  }

  function leakTable(d) {
    if (!d.leaks.length) return h("p", { class: "empty", text: "No place mask here with evidence of the real place." });
    var rows = d.leaks.map(function (l) {
      var src = l.source === "title" ? d.title || "" : d.text;
      var idx = (l.source === "title" ? d.title_placeholders : d.placeholders).findIndex(function (p) { return p.start === l.mask.start; });
      var cands = h("ol", { class: "cands" }, l.candidates.map(function (c) {
        var ev = {};
        c.evidence.forEach(function (e) { ev[e.text] = (ev[e.text] || 0) + 1; });
        return h("li", null, h("b", { text: c.place }), " ", h("span", { class: "score", text: dec(c.score, 3) }), " ",
          h("span", { class: "path", text: c.path.join(" › ") }),
          h("span", { class: "note", text: " · evidence: " + Object.keys(ev).map(function (k) { return ev[k] > 1 ? k + " ×" + ev[k] : k; }).join("、") }));
      }));
      var tr = h("tr", { class: "leak-row" },
        h("td", null, snippet(src, l.mask.start, l.mask.end, l.mask.type || "name")),
        h("td", { text: l.source }), h("td", { text: l.level }), h("td", null, cands));
      tr.addEventListener("click", function () { focusOn((l.source === "title" ? "tph-" : "ph-") + idx); });
      return tr;
    });
    return table([{ label: "mask" }, { label: "in" }, { label: "level" }, { label: "candidates, best first" }], rows, "doc-leaks");
  }

  function openDoc(i, focus) {
    var t0 = performance.now();
    var d = DOCS[i];
    if (!d) return;
    view.index = i;
    table$.current = i;
    var sec = clear(document.getElementById("doc"));
    sec.hidden = false;
    var metaBits = ["id " + d.id];
    if (d.source) metaBits.push(d.source);
    if (d.year !== null && d.year !== undefined) metaBits.push("year " + d.year);
    Object.keys(d.meta || {}).forEach(function (k) { metaBits.push(k + ": " + d.meta[k]); });
    Object.keys(d.fields || {}).forEach(function (k) { metaBits.push(k + ": " + fieldText(d, k)); });
    metaBits.push(int(d.characters) + " characters", d.counts.placeholders + " masks (" + dec(d.density) + " per 1,000)");
    if (d.signature) metaBits.push("outline " + d.signature);
    var legend = h("div", { class: "legend tools" }, TYPES.map(function (t) {
      return h("span", null, swatch("t-" + t, t), t + " " + (d.counts.by_type[t] || 0));
    }));
    var dropped = h("details", { id: "dropped" }, h("summary", { text: "Dropped boilerplate: " + d.dropped.length + (d.dropped.length === 1 ? " line" : " lines") }));
    dropped.addEventListener("toggle", function () {
      if (!dropped.open || dropped.getAttribute("data-drawn")) return;
      dropped.setAttribute("data-drawn", "1");
      add(dropped, d.dropped.length
        ? table([{ label: "line", num: true }, { label: "reason" }, { label: "text" }], d.dropped.map(function (r) {
          return h("tr", null, h("td", { class: "n", text: r.line }), h("td", { text: r.reason }), h("td", { text: r.text }));
        }), "dropped")
        : h("p", { class: "empty", text: "nothing dropped" }));
    });
    var give = d.giveaways.length
      ? h("p", null, "Other identifying details (giveaways): ", d.giveaways.map(function (g, k) {
        return [k ? "、" : "", h("span", { class: "giveaway", text: g.text, title: g.kind })];
      }))
      : null;
    add(sec, [
      h("h2", null, "Document " + (i + 1) + " of " + DOCS.length),
      h("div", { id: "doc-title" }),
      h("p", { class: "meta", text: metaBits.join(" · ") }),
      legend,
      h("div", { class: "tools" }, "Show also: ",
        toggle("metrics", "metrics", d.metrics.length, "sw-metric"),
        toggle("slogans", "slogans", d.slogans.length, "sw-slogan"),
        toggle("evidence", "leak evidence", evidenceCount(d), "sw-evidence"),
        toggle("giveaways", "giveaways", d.giveaways.length, "sw-giveaway")),
      familyBox(i),
      h("div", { id: "doc-text", lang: "zh-Hans" }),
      h("h3", { text: "Leaks in this document" }),
      leakTable(d),
      give,
      dropped
    ]);
    drawText();
    drawRows();
    if (focus) focusOn(focus);
    else sec.scrollIntoView({ block: "start" });
    TIMINGS.open = performance.now() - t0;
  }

  // ------------------------------------------------------------------------------------- leaks

  var leaks$ = { page: 0, rows: [] };

  function renderLeaks() {
    var sec = document.getElementById("leaks");
    DOCS.forEach(function (d, i) { d.leaks.forEach(function (l) { leaks$.rows.push([i, l]); }); });
    var L = S.leaks;
    var levels = Object.keys(L.by_level).map(function (k) { return k + " " + L.by_level[k]; }).join(", ");
    add(sec, h("p", null, int(L.masks) + " masked place names in " + int(L.documents) +
      " documents have a candidate real place" + (levels ? " (" + levels + ")" : "") +
      ". A candidate's score is the probability the text's named places give it; evidence spans are outlined in the document view."));
    if (L.top_places.length) {
      add(sec, h("p", null, "Most frequent best candidates: ", L.top_places.slice(0, 10).map(function (t, k) {
        return [k ? ", " : "", h("b", { text: t.place }), " (" + t.documents + ")"];
      })));
    }
    add(sec, [h("div", { class: "tools" }, h("span", { id: "leak-pager" })), h("div", { class: "scroll" }, h("table", { id: "leak-table" },
      h("thead", null, h("tr", null, ["document", "mask in context", "in", "level", "best candidate", "score", "path", "others"].map(function (t) {
        return h("th", { text: t, class: t === "score" ? "n" : null });
      }))), h("tbody", { id: "leak-rows" })))]);
    drawLeaks();
  }

  function drawLeaks() {
    var body = clear(document.getElementById("leak-rows"));
    var first = leaks$.page * PAGE_SIZE;
    leaks$.rows.slice(first, first + PAGE_SIZE).forEach(function (row) {
      var i = row[0], l = row[1], d = DOCS[i];
      var src = l.source === "title" ? d.title || "" : d.text;
      var c = l.candidates[0];
      var idx = (l.source === "title" ? d.title_placeholders : d.placeholders).findIndex(function (p) { return p.start === l.mask.start; });
      var tr = h("tr", { class: "leak-row" },
        h("td", { class: "title", text: d.id + (d.title ? " " + d.title : ""), title: d.title || d.id }),
        h("td", null, snippet(src, l.mask.start, l.mask.end, l.mask.type || "name", 8)),
        h("td", { text: l.source }), h("td", { text: l.level }),
        h("td", null, h("b", { text: c.place })), h("td", { class: "n score", text: dec(c.score, 3) }),
        h("td", { class: "path", text: c.path.join(" › ") }),
        h("td", { class: "note", text: l.candidates.slice(1).map(function (o) { return o.place + " " + dec(o.score, 3); }).join(", ") }));
      tr.addEventListener("click", function () {
        goTo("doc=" + i + "&mask=" + (l.source === "title" ? "tph-" : "ph-") + idx);
      });
      body.appendChild(tr);
    });
    if (!leaks$.rows.length) body.appendChild(h("tr", null, h("td", { colspan: 8, class: "empty", text: "No leak found." })));
    add(clear(document.getElementById("leak-pager")), pager(leaks$, leaks$.rows.length, drawLeaks, "leak-page-"));
  }

  function renderFailures() {
    if (!S.failures.length) return;
    var sec = document.getElementById("failures");
    sec.hidden = false;
    add(sec, h("ul", null, S.failures.map(function (f) { return h("li", { text: f }); })));
  }

  // ----------------------------------------------------------------------------------- routing

  // Open through the address (so Back works); the same address again is routed at once.
  function goTo(hash) {
    if (location.hash === "#" + hash) route();
    else location.hash = hash;
  }

  function route() {
    var m = /^#doc=(\d+)(?:&mask=([\w-]+))?$/.exec(location.hash);
    if (m) openDoc(Number(m[1]), m[2]);
  }

  try {
    renderAbout();
    renderSummary();
    renderViews();
    renderDocuments();
    renderFamilies();
    renderLeaks();
    renderFailures();
    checkFont();
    window.addEventListener("hashchange", route);
    route();
  } catch (err) {
    add(document.getElementById("about"), h("p", { class: "warn", text: "report error: " + err }));
    throw err;
  } finally {
    ready();
  }
  }
})();
