// Optional enhancement; every page works without it. On slow connections a
// second tap on a submit button would post the form twice, so a form being
// submitted disables its buttons until the page is shown again (the back
// button may bring it back from the browser's cache). The buttons are
// disabled only after the browser has collected the form's fields: a
// disabled button is left out, and a named submit button's value must reach
// the server.
document.addEventListener("submit", function (event) {
  if (event.defaultPrevented) return;
  var buttons = event.target.querySelectorAll("button[type=submit]");
  setTimeout(function () {
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
  }, 0);
});
window.addEventListener("pageshow", function () {
  var buttons = document.querySelectorAll("button[type=submit][disabled]");
  for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
});
