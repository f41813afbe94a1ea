/*
 Actor markers drawn in the browser from compact rows, so that the page sends
 about 50 bytes an actor instead of a Leaflet script per marker.

 L.ecosystemMarkers builds, from (rows, options), a marker cluster group:
   rows     [[id, lat, lon, typeIndex, label(, 1 when the point is the district's or city's)], ...]
   options  {types: [[svg without a size, label], ...], size, selectedSize, legendSize,
             selected: id or null, legend: [typeIndex, ...], legendTitle, approximateLabel,
             cluster: {markercluster options}}
 Each marker is an SVG (shape and colour per type) with the class
 "ecosystem-marker", its tooltip shows the name, and its `id` option holds
 the actor's id for whoever listens to clicks.
 Needs Leaflet and Leaflet.markercluster. Released under the project's MIT licence.
*/
(function () {
  "use strict";
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return ESCAPES[c];
    });
  }

  // A point that stands for an area (district or city centre) is drawn faded, in a dashed ring.
  var APPROXIMATE_STYLE =
    "display:block;opacity:0.6;border:1.5px dashed #222;border-radius:50%;box-sizing:border-box;line-height:0";

  // The type's SVG comes without a size: each use gives it one.
  function sized(svg, size) {
    return svg.replace("<svg ", '<svg width="' + size + '" height="' + size + '" ');
  }

  function buildIcon(svg, size, selected, approximate) {
    svg = sized(svg, size);
    return L.divIcon({
      html: approximate ? '<span style="' + APPROXIMATE_STYLE + '">' + svg + "</span>" : svg,
      className: "ecosystem-marker" + (selected ? " selected" : "") + (approximate ? " approximate" : ""),
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
  }

  function buildLegend(options) {
    var legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "ecosystem-legend");
      div.style.background = "rgba(255,255,255,0.92)";
      div.style.padding = "6px 8px";
      div.style.font = "13px/1.4 sans-serif";
      div.style.borderRadius = "4px";
      var parts = ["<strong>" + escapeHtml(options.legendTitle || "") + "</strong>"];
      (options.legend || []).forEach(function (index) {
        var type = options.types[index];
        if (type) parts.push("<div>" + sized(type[0], options.legendSize || 14) + " " + escapeHtml(type[1]) + "</div>");
      });
      if (options.approximateLabel) {
        parts.push(
          '<div style="white-space:nowrap"><span style="' + APPROXIMATE_STYLE +
            ';display:inline-block;width:12px;height:12px;vertical-align:middle"></span> ' +
            escapeHtml(options.approximateLabel) + "</div>"
        );
      }
      div.innerHTML = parts.join("");
      return div;
    };
    return legend;
  }

  // A marker named for screen readers: Leaflet makes a clickable marker a button, and a button needs a name.
  var ActorMarker = L.Marker.extend({
    _initIcon: function () {
      L.Marker.prototype._initIcon.call(this);
      if (this._icon && this.options.label) this._icon.setAttribute("aria-label", this.options.label);
    },
  });

  L.EcosystemMarkers = L.MarkerClusterGroup.extend({
    initialize: function (rows, options) {
      L.MarkerClusterGroup.prototype.initialize.call(this, options.cluster || {});
      var types = options.types || [];
      var size = options.size || 18;
      var selectedSize = options.selectedSize || 28;
      var icons = types.map(function (type) {
        return buildIcon(type[0], size, false, false);
      });
      var approximateIcons = types.map(function (type) {
        return buildIcon(type[0], size, false, true);
      });
      var markers = new Array(rows.length);
      this._byId = Object.create(null);
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var selected = options.selected != null && row[0] === options.selected;
        var type = types[row[3]] || types[0];
        var approximate = row[5] === 1;
        var plain = (approximate ? approximateIcons : icons)[row[3]] || icons[0];
        var icon = selected ? buildIcon(type[0], selectedSize, true, approximate) : plain;
        var marker = new ActorMarker([row[1], row[2]], {
          id: row[0],
          label: row[4],
          icon: icon,
          zIndexOffset: selected ? 1000 : 0,
          typeIndex: types[row[3]] ? row[3] : 0,
          approximate: approximate,
        });
        if (selected) this._selected = marker;
        marker.bindTooltip(escapeHtml(row[4]), { sticky: false });
        markers[i] = marker;
        this._byId[row[0]] = marker;
      }
      this.addLayers(markers);
      this._icons = icons;
      this._approximateIcons = approximateIcons;
      this._types = types;
      this._selectedSize = selectedSize;
      // Highlight a clicked marker at once; the page then shows its card.
      this.on("click", function (e) {
        if (e.layer instanceof L.Marker && !(e.layer instanceof L.MarkerCluster)) this.select(e.layer);
      });
      this._legend = options.legend && options.legend.length ? buildLegend(options) : null;
    },
    // Highlight the marker of the actor with this id; none when the id is null or unknown.
    selectId: function (id) {
      this.select(id == null ? null : this._byId[id] || null);
    },
    select: function (marker) {
      if (this._selected === marker) return;
      if (this._selected) {
        var previous = this._selected.options;
        this._selected.setIcon((previous.approximate ? this._approximateIcons : this._icons)[previous.typeIndex]);
        this._selected.setZIndexOffset(0);
      }
      this._selected = marker;
      if (!marker) return;
      var type = this._types[marker.options.typeIndex];
      marker.setIcon(buildIcon(type[0], this._selectedSize, true, marker.options.approximate));
      marker.setZIndexOffset(1000);
    },
    onAdd: function (map) {
      L.MarkerClusterGroup.prototype.onAdd.call(this, map);
      if (this._legend) this._legend.addTo(map);
    },
    onRemove: function (map) {
      if (this._legend) map.removeControl(this._legend);
      L.MarkerClusterGroup.prototype.onRemove.call(this, map);
    },
  });

  L.ecosystemMarkers = function (rows, options) {
    return new L.EcosystemMarkers(rows, options);
  };
})();
