// Only improvements: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("search-form");
  if (form) {
    // A filter that is a choice (quotes only, sort) applies at once; typed ones wait for Enter.
    for (const input of form.querySelectorAll("input[type=checkbox], select")) {
      input.addEventListener("change", () => form.requestSubmit());
    }
    // Empty fields stay out of the URL, so a shared link holds only what the search uses.
    form.addEventListener("submit", () => {
      for (const input of form.querySelectorAll("input, select")) {
        if (!input.value || (input.name === "sort" && input.value === "score")) input.disabled = true;
      }
    });
  }
  // Coming back to the page (the back button) finds the fields as they were, not disabled.
  window.addEventListener("pageshow", () => {
    for (const input of document.querySelectorAll("#search-form [disabled]")) input.disabled = false;
  });
  // "/" jumps to the search box, as on many sites.
  const box = document.getElementById("q");
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && box && document.activeElement !== box && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      box.focus();
    }
  });
});
