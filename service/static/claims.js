// The /claims page: the filter form asks /v1 for the supply network (cytoscape), the claims per
// month (Chart.js) and a page of claims (the table). Clicking an arrow narrows the table and the
// timeline to that supplier -> recipient pair; the graph keeps showing the whole filter, so the
// other arrows stay clickable. Everything is drawn from JSON with textContent: no server text
// is ever parsed as HTML.
"use strict";

(function () {
  const STANCES = ["asserted", "denied", "admitted", "planned", "requested", "refused"];
  const FILTERS = ["actor", "supplier", "recipient", "item", "source", "language", "since", "until"];
  const PAGE_SIZE = 50;

  const form = document.getElementById("filters");
  const table = document.getElementById("claims-table");
  const more = document.getElementById("more");
  const total = document.getElementById("total");
  const statusLine = document.getElementById("status");
  const selectionLine = document.getElementById("selection");
  const keyInput = document.getElementById("f-key");
  const css = getComputedStyle(document.documentElement);

  const state = { selection: null, cursor: null, cy: null, chart: null, generation: 0 };

  function stanceClass(stance) {
    return STANCES.includes(stance) ? stance : "unknown";
  }

  function colour(stance) {
    return css.getPropertyValue("--" + stanceClass(stance)).trim() || "#555";
  }

  // By selector, not through form.elements: "item" is also the name of a method there.
  function field(name) {
    return form.querySelector('[name="' + name + '"]');
  }

  function key() {
    return keyInput ? keyInput.value.trim() : "";
  }

  function filterParams() {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = field(name).value.trim();
      if (value) params.append(name, value);
    }
    for (const box of form.querySelectorAll('input[name="stance"]:checked')) {
      params.append("stance", box.value);
    }
    return params;
  }

  // The form's filters narrowed to the clicked arrow, if any.
  function scopedParams() {
    const params = filterParams();
    if (state.selection) {
      params.set("supplier", state.selection.supplier);
      params.set("recipient", state.selection.recipient);
    }
    return params;
  }

  // Links cannot send a header: they carry the key as api_key, as /v1 accepts it.
  function withKey(params) {
    const out = new URLSearchParams(params);
    if (key()) out.set("api_key", key());
    return out;
  }

  function status(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  async function api(path, params) {
    const headers = { Accept: "application/json" };
    if (key()) headers["X-API-Key"] = key();
    const response = await fetch(path + "?" + params.toString(), { headers });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error((body && body.detail) || response.status + " " + response.statusText);
    }
    return body;
  }

  function renderGraph(edges) {
    const most = Math.max(1, ...edges.map((e) => e.articles));
    const nodes = new Map();
    for (const e of edges) {
      for (const name of [e.supplier, e.recipient]) {
        if (!nodes.has(name)) nodes.set(name, { data: { id: "actor:" + name, label: name } });
      }
    }
    const arrows = edges.map((e, i) => ({
      data: {
        id: "edge:" + i,
        source: "actor:" + e.supplier,
        target: "actor:" + e.recipient,
        supplier: e.supplier,
        recipient: e.recipient,
        articles: e.articles,
        claims: e.claims,
        dominant: e.dominant,
        // 1.5 px for one article, up to 10 px for the most reported relation.
        width: 1.5 + (8.5 * (e.articles - 1)) / Math.max(1, most - 1),
        colour: colour(e.dominant),
      },
    }));
    if (state.cy) state.cy.destroy();
    state.cy = cytoscape({
      container: document.getElementById("graph"),
      elements: [...nodes.values(), ...arrows],
      wheelSensitivity: 0.3,
      layout: { name: nodes.size > 2 ? "cose" : "circle", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 20 },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#5f6368", width: 14, height: 14, "text-valign": "top", "text-margin-y": -3 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 1.2, opacity: 0.85 } },
        { selector: "edge.dimmed", style: { opacity: 0.2 } },
        { selector: "edge.selected", style: { opacity: 1 } },
      ],
    });
    state.cy.on("tap", "edge", (event) => select(event.target.data()));
    markSelection();
  }

  function markSelection() {
    if (!state.cy) return;
    const chosen = state.selection;
    state.cy.edges().forEach((edge) => {
      const on = chosen && edge.data("supplier") === chosen.supplier && edge.data("recipient") === chosen.recipient;
      edge.toggleClass("selected", Boolean(on));
      edge.toggleClass("dimmed", Boolean(chosen) && !on);
    });
    selectionLine.hidden = !chosen;
    if (chosen) {
      document.getElementById("selection-label").textContent = chosen.supplier + " \u2192 " + chosen.recipient;
    }
  }

  function renderTimeline(months) {
    const datasets = STANCES.map((stance) => ({
      label: stance,
      data: months.map((m) => m.stances[stance] || 0),
      backgroundColor: colour(stance),
      stack: "claims",
      maxBarThickness: 48,
    })).filter((set) => set.data.some((n) => n > 0));
    if (state.chart) state.chart.destroy();
    state.chart = new Chart(document.getElementById("timeline"), {
      type: "bar",
      data: { labels: months.map((m) => m.month), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function cell(row, text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text == null ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function evidenceLink(claim) {
    const query = withKey(new URLSearchParams()).toString();
    return "/claims/articles/" + claim.article.id + (query ? "?" + query : "") + "#ev-" + claim.id;
  }

  function renderClaims(page, append) {
    const body = table.tBodies[0];
    if (!append) body.replaceChildren();
    for (const claim of page.claims) {
      const row = document.createElement("tr");
      row.className = "claim stance-row-" + stanceClass(claim.stance);
      row.dataset.claimId = claim.id;
      cell(row, claim.day);
      cell(row, claim.supplier);
      cell(row, claim.recipient);
      cell(row, claim.items);
      const stance = cell(row, "");
      const badge = document.createElement("span");
      badge.className = "stance stance-" + stanceClass(claim.stance);
      badge.textContent = claim.stance;
      stance.appendChild(badge);
      if (claim.hedged) {
        const hedge = document.createElement("span");
        hedge.className = "hedge";
        hedge.textContent = " hedged";
        stance.appendChild(hedge);
      }
      cell(row, claim.source || "article");
      const art = claim.article;
      cell(row, [art.outlet, art.title].filter(Boolean).join(": ") || "article " + art.id);
      const evidence = cell(row, "", "evidence");
      const link = document.createElement("a");
      link.href = evidenceLink(claim);
      link.textContent = claim.evidence.text_en || claim.evidence.text;
      evidence.appendChild(link);
      body.appendChild(row);
    }
    state.cursor = page.next_cursor;
    more.hidden = !page.next_cursor;
    total.textContent = "(" + page.total + ")";
  }

  function done(generation, text) {
    if (generation !== state.generation) return;
    status(text);
    document.body.dataset.ready = String(generation); // for tests: this load has been drawn
  }

  // Table and timeline for the filter and the selected arrow.
  async function loadScoped(generation) {
    const params = scopedParams();
    const limited = new URLSearchParams(params);
    limited.set("limit", String(PAGE_SIZE));
    const [timeline, page] = await Promise.all([api("/v1/claims/timeline", params), api("/v1/claims", limited)]);
    if (generation !== state.generation) return null; // a newer load has started
    renderTimeline(timeline.months);
    renderClaims(page, false);
    document.getElementById("csv").href = "/v1/claims.csv?" + withKey(params).toString();
    return page;
  }

  async function load(withGraph) {
    const generation = ++state.generation;
    status("Loading\u2026");
    try {
      if (withGraph) {
        const network = await api("/v1/claims/network", filterParams());
        if (generation !== state.generation) return;
        renderGraph(network.edges);
      }
      markSelection();
      const page = await loadScoped(generation);
      if (page) done(generation, page.total === 1 ? "1 claim matches." : page.total + " claims match.");
    } catch (error) {
      if (generation === state.generation) status(error.message, true);
    }
  }

  function select(edge) {
    state.selection = { supplier: edge.supplier, recipient: edge.recipient };
    load(false);
  }

  more.addEventListener("click", async () => {
    const params = scopedParams();
    params.set("limit", String(PAGE_SIZE));
    params.set("cursor", state.cursor);
    try {
      renderClaims(await api("/v1/claims", params), true);
    } catch (error) {
      status(error.message, true);
    }
  });

  document.getElementById("clear-selection").addEventListener("click", () => {
    state.selection = null;
    load(false);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.selection = null;
    history.replaceState(null, "", "?" + filterParams().toString());
    load(true);
  });

  form.addEventListener("reset", () => {
    state.selection = null;
    setTimeout(() => {
      history.replaceState(null, "", location.pathname);
      load(true);
    }, 0);
  });

  // A shared link (/claims?actor=Iran&stance=denied) opens with its filters.
  const initial = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    if (initial.has(name)) field(name).value = initial.get(name);
  }
  for (const box of form.querySelectorAll('input[name="stance"]')) {
    box.checked = initial.getAll("stance").includes(box.value);
  }
  if (keyInput && initial.has("api_key")) keyInput.value = initial.get("api_key");

  window.claimsPage = { state }; // the browser test reads the graph through this
  load(true);
})();
