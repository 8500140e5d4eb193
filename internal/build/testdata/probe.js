// Injected by TestPhoneAndDarkMode into a copy of a built page: measures,
// as the browser computes them, the contrast of every piece of visible text
// against what it is drawn on (WCAG 2 relative luminance, opacity blended),
// and whether every table cell shown without its column heading carries a
// label, once the page has loaded (the :target sentence highlighted).
// Writes the findings into body[data-probe] as JSON.
window.addEventListener("load", function () {
  function parse(c) {
    var m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    var p = m[1].split(",").map(parseFloat);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }
  function lum(c) {
    function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  }
  function background(el) {
    for (; el; el = el.parentElement) {
      var c = parse(getComputedStyle(el).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 };
  }
  function opacity(el) {
    var o = 1;
    for (; el; el = el.parentElement) o *= parseFloat(getComputedStyle(el).opacity);
    return o;
  }
  var low = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var text = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
    var r = el.getBoundingClientRect();
    if (!text || r.width === 0 || r.height === 0 || el.closest(".skip")) return;
    var cs = getComputedStyle(el), bg = background(el), fg = parse(cs.color), o = opacity(el) * fg.a;
    fg = { r: fg.r * o + bg.r * (1 - o), g: fg.g * o + bg.g * (1 - o), b: fg.b * o + bg.b * (1 - o) };
    var a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    var size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
    var need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) low.push(el.tagName.toLowerCase() + "." + el.className + " \"" + el.textContent.trim().slice(0, 40) + "\" " + ratio.toFixed(2));
  });
  var unlabelled = [];
  document.querySelectorAll("table").forEach(function (t) {
    var head = t.querySelector("thead");
    if (!head || head.getBoundingClientRect().left >= 0) return; // headings shown
    t.querySelectorAll("tbody td").forEach(function (td) {
      var before = getComputedStyle(td, "::before").content;
      if (!before || before === "none" || before === "normal") unlabelled.push(td.textContent.trim().slice(0, 40));
    });
  });
  document.body.setAttribute("data-probe", JSON.stringify({ low: low, unlabelled: unlabelled, target: !!document.querySelector(":target") }));
});
