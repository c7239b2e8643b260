// Progressive help for the forms; they work without it. A live count of what is left under each length limit,
// and the safety guidance shown as soon as someone says a person is in danger.
for (const field of document.querySelectorAll("textarea[maxlength][aria-describedby]")) {
  const counter = document.getElementById(field.getAttribute("data-count") || "");
  if (!counter) continue;
  const limit = Number(field.getAttribute("maxlength"));
  const show = () => {
    counter.textContent = `${limit - field.value.length} of ${limit} characters left`;
  };
  field.addEventListener("input", show);
  show();
}
for (const choice of document.querySelectorAll("input[data-reveals]")) {
  const target = document.getElementById(choice.getAttribute("data-reveals") || "");
  if (!target) continue;
  const group = document.querySelectorAll(`input[name="${choice.getAttribute("name")}"]`);
  const update = () => {
    target.hidden = !choice.checked;
  };
  for (const member of group) member.addEventListener("change", update);
  update();
}
