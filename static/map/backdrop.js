/*
 An offline backdrop beneath the map tiles: commune outlines and district and town names.

 L.ecosystemBackdrop(map, outlines, labels, options) adds, in panes below the
 tile pane, the outlines (GeoJSON) and the labels ([lat, lon, text, isDistrict]
 rows); online the tiles cover them, offline they show through. options:
 {outlineZ, labelZ, districtZoom, townZoom, attribution}.
 Needs Leaflet. Released under the project's MIT licence.
*/
(function () {
  "use strict";

  function addPane(map, name, z) {
    var pane = map.getPane(name) || map.createPane(name);
    pane.style.zIndex = z;
    pane.style.pointerEvents = "none";
    return pane;
  }

  L.ecosystemBackdrop = function (map, outlines, labels, options) {
    addPane(map, "backdropOutlines", options.outlineZ);
    var districts = addPane(map, "backdropDistricts", options.labelZ);
    var towns = addPane(map, "backdropTowns", options.labelZ);
    L.geoJSON(outlines, {
      pane: "backdropOutlines",
      interactive: false,
      style: { color: "#8a8174", weight: 1, fillColor: "#f3efe6", fillOpacity: 1 },
    }).addTo(map);
    labels.forEach(function (row) {
      var span = document.createElement("span");
      span.className = row[3] ? "backdrop-label backdrop-district" : "backdrop-label backdrop-town";
      span.textContent = row[2];
      span.style.cssText =
        "position:absolute;transform:translate(-50%,-50%);white-space:nowrap;" +
        "font:" + (row[3] ? "bold 13px" : "12px") + "/1.2 sans-serif;color:#333;" +
        "text-shadow:0 0 3px #fff,0 0 3px #fff";
      new L.Marker([row[0], row[1]], {
        pane: row[3] ? "backdropDistricts" : "backdropTowns",
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: "", html: span, iconSize: [0, 0] }),
      }).addTo(map);
    });
    function showByZoom() {
      var zoom = map.getZoom();
      districts.style.display = zoom >= options.districtZoom ? "" : "none";
      towns.style.display = zoom >= options.townZoom ? "" : "none";
    }
    map.on("zoomend", showByZoom);
    map.whenReady(showByZoom);
    if (options.attribution) map.attributionControl.addAttribution(options.attribution);
  };
})();
