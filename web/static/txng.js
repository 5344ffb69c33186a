// Optional enhancement; every page works without it. On slow connections a
// second tap on a submit button would post the form twice, so a form being
// submitted disables its buttons until the page is shown again (the back
// button may bring it back from the browser's cache).
document.addEventListener("submit", function (event) {
  var buttons = event.target.querySelectorAll("button[type=submit]");
  for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
});
window.addEventListener("pageshow", function () {
  var buttons = document.querySelectorAll("button[type=submit][disabled]");
  for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
});
