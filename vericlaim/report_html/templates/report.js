/* vericlaim report: filters and the claim detail panel. Plain DOM, no network; every value from the
   report is set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vc-data").textContent);
  var verdicts = ["supported", "contradicted", "unverified"];
  var panel = document.getElementById("detail");
  var main = document.getElementById("articles");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.article"));
  var barRows = Array.prototype.slice.call(document.querySelectorAll(".bars tr"));
  var articleSelect = document.getElementById("f-article");
  var shown = document.getElementById("shown");
  var selected = null;

  /* claims per article and verdict, so a filter change counts without touching the claims */
  var perArticle = data.claims.reduce(function (acc, claim) {
    var counts = acc[claim.a] || (acc[claim.a] = {});
    counts[claim.v] = (counts[claim.v] || 0) + 1;
    return acc;
  }, {});

  function isOn(verdict) {
    var box = document.getElementById("f-" + verdict);
    return !box || box.checked;  /* a verdict outside the vocabulary is never filtered out */
  }

  function applyFilters() {
    var article = articleSelect.value;
    var visible = 0;
    var everything = verdicts.every(isOn);
    verdicts.forEach(function (v) { document.body.classList.toggle("hide-" + v, !isOn(v)); });
    sections.forEach(function (section, n) {
      var counts = perArticle[section.dataset.a] || {};
      var inArticle = 0;
      Object.keys(counts).forEach(function (v) { if (isOn(v)) { inArticle += counts[v]; } });
      var show = (article === "" || article === section.dataset.a) && (everything || inArticle > 0);
      /* write only what changes: at 10,000 claims each write is a style invalidation */
      if (section.hidden === show) { section.hidden = !show; }
      if (barRows[n] && barRows[n].hidden === show) { barRows[n].hidden = !show; }
      if (show) { visible += inArticle; }
    });
    shown.textContent = visible + " of " + data.claims.length + " claims shown";
    if (selected && !isOn(selected.dataset.verdict)) { clearSelection(); }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function facts(pairs) {
    var dl = el("dl");
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") { return; }
      dl.appendChild(el("dt", "", pair[0]));
      dl.appendChild(el("dd", "", pair[1]));
    });
    return dl;
  }

  function number(value, digits) {
    return value === null || value === undefined ? "" : Number(value).toFixed(digits);
  }

  function passageBlock(className, heading, index, similarity) {
    var block = el("section", className);
    block.appendChild(el("h3", "", heading));
    var passage = data.passages[index];
    var doc = data.docs[passage[0]] || ["", "", ""];
    block.appendChild(el("blockquote", "", passage[1]));
    block.appendChild(facts([["title", doc[0]], ["source", doc[1]], ["date", doc[2]],
      ["document", passage[0]], ["similarity", number(similarity, 3)]]));
    return block;
  }

  function clearSelection() {
    if (selected) { selected.classList.remove("selected"); selected.setAttribute("aria-pressed", "false"); }
    selected = null;
    panel.replaceChildren(el("p", "hint", "Select a claim (click, or Tab and Enter) to see its verdict and evidence."));
  }

  function select(node) {
    var claim = data.claims[Number(node.dataset.i)];
    if (selected) { selected.classList.remove("selected"); selected.setAttribute("aria-pressed", "false"); }
    selected = node;
    node.classList.add("selected");
    node.setAttribute("aria-pressed", "true");
    var kind = verdicts.indexOf(claim.v) >= 0 ? claim.v : "other";
    var parts = [el("span", "detail-verdict v-" + kind, claim.v)];
    parts.push(el("p", "detail-claim", node.querySelector(".ctext").textContent));
    parts.push(facts([["confidence", claim.conf === null ? "" : Math.round(claim.conf * 100) + "%"],
      ["reason", claim.why], ["reason code", claim.code], ["claim", claim.id],
      ["types", claim.types], ["quantities", claim.q], ["check-worthiness", number(claim.cw, 2)],
      ["NLI e / c / n", claim.nli[0] === null ? "" : claim.nli.map(function (p) { return number(p, 2); }).join(" / ")]]));
    if (claim.ev >= 0) {
      parts.push(passageBlock("evidence", "Evidence", claim.ev, claim.sim));
    } else {
      parts.push(el("p", "hint", "No passage was cited."));
    }
    if (claim.cev >= 0) { parts.push(passageBlock("counter", "Counter-evidence (sources disagree)", claim.cev, null)); }
    panel.replaceChildren.apply(panel, parts);
    if (history.replaceState) { history.replaceState(null, "", "#" + node.id); }
  }

  function claimOf(target) {
    var node = target.closest ? target.closest(".claim") : null;
    return node && main.contains(node) ? node : null;
  }

  main.addEventListener("click", function (event) {
    var node = claimOf(event.target);
    if (node) { select(node); }
  });
  main.addEventListener("keydown", function (event) {
    var node = claimOf(event.target);
    if (node && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); select(node); }
  });
  document.getElementById("filters").addEventListener("change", applyFilters);
  document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  window.vericlaimReport = { applyFilters: applyFilters, select: select };

  var start = location.hash && document.getElementById(location.hash.slice(1));
  if (start && start.classList.contains("claim")) { select(start); start.scrollIntoView(); }
})();
