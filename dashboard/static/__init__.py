"""The dashboard's browser scripts (package data): window.js, clientside.js and linked.js."""
