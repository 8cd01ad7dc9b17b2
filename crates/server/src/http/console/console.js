// Keyward IAM console: live filtering of tables marked data-filter-input (the server-side
// search works without this script).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    if (!table) { return; }
    input.addEventListener("input", function () {
      var needle = input.value.toLowerCase();
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var name = (row.getAttribute("data-name") || "").toLowerCase();
        row.hidden = needle !== "" && name.indexOf(needle) === -1;
      });
    });
  });
});

// The policy editor: as the user types, ask the console's validate endpoint (with the page's
// CSRF token) for the findings and show each at its line. The "Check policy" button does the
// same without this script.
document.addEventListener("DOMContentLoaded", function () {
  var area = document.getElementById("policy-document");
  var out = document.getElementById("findings");
  if (!area || !out || !area.form) { return; }
  var timer = null;
  function render(findings) {
    out.textContent = "";
    var summary = document.createElement("p");
    summary.id = "findings-summary";
    if (findings.length === 0) {
      summary.className = "notice success";
      summary.textContent = "No findings: IAM accepts this policy and the checks found nothing to improve.";
      out.appendChild(summary);
      return;
    }
    summary.textContent = findings.length + " finding(s)";
    out.appendChild(summary);
    var list = document.createElement("ol");
    list.className = "findings";
    list.id = "findings-list";
    findings.forEach(function (f, i) {
      var item = document.createElement("li");
      item.className = f.severity;
      item.id = "finding-" + i;
      item.setAttribute("data-line", f.line);
      item.appendChild(document.createTextNode("Line " + f.line + ", column " + f.column + ": "));
      var strong = document.createElement("strong");
      strong.textContent = f.severity;
      item.appendChild(strong);
      item.appendChild(document.createTextNode(" [" + f.code + "] " + f.message));
      var pre = document.createElement("pre");
      pre.className = "finding-line";
      pre.textContent = String(f.line).padStart(4, " ") + " | " + f.text;
      item.appendChild(pre);
      list.appendChild(item);
    });
    out.appendChild(list);
  }
  function check() {
    var form = area.form;
    var body = new URLSearchParams();
    body.set("csrf", form.querySelector("input[name=csrf]").value);
    body.set("kind", form.querySelector("input[name=kind]").value);
    body.set("document", area.value);
    fetch(area.getAttribute("data-lint"), { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) { if (answer) { render(answer.findings); } });
  }
  area.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });
});
