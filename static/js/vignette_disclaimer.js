// Switching a vignette's kind in the page editor switches its disclaimer to
// that kind's wording, unless the therapist has written her own.
(() => {
  const data = document.getElementById("vignette-disclaimers");
  if (!data) return;
  const wordings = JSON.parse(data.textContent);
  const standard = new Set(Object.values(wordings));
  document.addEventListener("change", (event) => {
    const kind = event.target;
    if (!(kind instanceof HTMLSelectElement) || !kind.name.endsWith("-value-kind")) {
      return;
    }
    const name = kind.name.replace(/-kind$/, "-disclaimer");
    const disclaimer = kind.form && kind.form.querySelector(`textarea[name="${name}"]`);
    const wording = wordings[kind.value];
    const current = disclaimer ? disclaimer.value.trim() : "";
    if (!disclaimer || !wording || (current && !standard.has(current))) return;
    disclaimer.value = wording;
    disclaimer.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
