/*
 Actor markers drawn in the browser from compact rows, so that the page sends
 about 50 bytes an actor instead of a Leaflet script per marker.

 L.ecosystemMarkers builds, from (rows, options), a marker cluster group:
   rows     [[id, lat, lon, typeIndex, label(, 1 when the point is the district's or city's)], ...]
   options  {types: [[svg without a size, label, colour], ...], size, selectedSize, legendSize,
             selected: id or null, legend: [typeIndex, ...], legendTitle, approximateLabel,
             groups: [[place name, lat, lon, [id, ...], [[typeIndex, count], ...], approximate], ...],
             groupZoom, selectZoom, groupLegend, groupName ("{name}: {count} actors"),
             legendControl: false to draw the legend elsewhere (L.ecosystemLegend),
             cluster: {markercluster options}}
 From groupZoom on, the actors of each named place are one marker (a ring of
 their types' colours, their count, the place's name), moved aside with a leader
 line when it would cover another; a click fans the place's actors out inside
 the view. Below groupZoom, and for actors at their own address, markers
 cluster. Each actor marker is an SVG (shape and colour per type) with the
 class "ecosystem-marker", its tooltip shows the name, and its `id` option
 holds the actor's id for whoever listens to clicks. A selected actor is
 zoomed to, taken out of its place (fanned) and drawn larger.
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
  // The selected actor: a white and black halo around its (larger) symbol.
  var SELECTED_STYLE = "display:block;border-radius:50%;box-shadow:0 0 0 3px #fff,0 0 0 5px #111;line-height:0";
  var LABEL_STYLE =
    "position:absolute;display:none;white-space:nowrap;font:600 12px/16px sans-serif;color:#1a1a1a;" +
    "background:rgba(255,255,255,0.94);padding:0 4px;border-radius:3px;box-shadow:0 0 0 1px rgba(0,0,0,0.25)";

  // The type's SVG comes without a size: each use gives it one.
  function sized(svg, size) {
    return svg.replace("<svg ", '<svg width="' + size + '" height="' + size + '" ');
  }

  function buildIcon(svg, size, selected, approximate) {
    svg = sized(svg, size);
    if (approximate) svg = '<span style="' + APPROXIMATE_STYLE + '">' + svg + "</span>";
    if (selected) svg = '<span style="' + SELECTED_STYLE + '">' + svg + "</span>";
    return L.divIcon({
      html: svg,
      className: "ecosystem-marker" + (selected ? " selected" : "") + (approximate ? " approximate" : ""),
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
  }

  function ringSize(count) {
    return Math.min(54, Math.round(24 + 4.5 * Math.sqrt(count)));
  }

  // A ring cut in arcs, one per type, as long as its share; the count in the middle.
  function ringHtml(mix, count, size, types, approximate) {
    var c = size / 2, r = c - 5, circumference = 2 * Math.PI * r, offset = 0, arcs = [];
    var total = mix.reduce(function (sum, pair) {
      return sum + pair[1];
    }, 0) || 1;
    mix.forEach(function (pair) {
      var length = (circumference * pair[1]) / total;
      var colour = (types[pair[0]] && types[pair[0]][2]) || "#555555";
      arcs.push(
        '<circle cx="' + c + '" cy="' + c + '" r="' + r + '" fill="none" stroke="' + colour +
          '" stroke-width="7" stroke-dasharray="' + length.toFixed(2) + " " + (circumference - length).toFixed(2) +
          '" stroke-dashoffset="' + (-offset).toFixed(2) + '" transform="rotate(-90 ' + c + " " + c + ')"/>'
      );
      offset += length;
    });
    var outline = approximate
      ? '<circle cx="' + c + '" cy="' + c + '" r="' + (c - 0.8) + '" fill="none" stroke="#222" stroke-width="1.2" stroke-dasharray="3 2"/>'
      : '<circle cx="' + c + '" cy="' + c + '" r="' + (c - 1) + '" fill="none" stroke="#fff" stroke-width="1.5"/>';
    return (
      '<div class="ecosystem-group-ring" style="position:absolute;left:0;top:0;margin:0;width:' + size + "px;height:" +
      size + 'px;border-radius:50%">' +
      '<svg width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + " " + size +
      '" style="position:absolute;z-index:0;left:0;top:0"><circle cx="' + c + '" cy="' + c + '" r="' + (r - 3) +
      '" fill="#fff"/>' + arcs.join("") + outline + "</svg>" +
      '<span style="position:absolute;z-index:1;left:0;top:0;width:100%;height:100%;display:flex;align-items:center;' +
      'justify-content:center;font:bold 12px/1 sans-serif;color:#111">' + count + "</span></div>"
    );
  }

  function ringIcon(mix, count, types, approximate, name, extraClass) {
    var size = ringSize(count);
    var label = name ? '<b class="ecosystem-group-name" style="' + LABEL_STYLE + '">' + escapeHtml(name) + "</b>" : "";
    return L.divIcon({
      // the name, then the count: the words a reader sees, in the order the marker's accessible name says them
      html: label + " " + ringHtml(mix, count, size, types, approximate),
      className: "marker-cluster " + extraClass + (approximate ? " approximate" : ""),
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
  }

  // The legend as an element: a <details> the reader folds, with one entry per type shown.
  function buildLegendElement(options, open) {
    var details = document.createElement("details");
    details.className = "ecosystem-legend";
    details.open = !!open;
    details.style.font = "13px/1.4 sans-serif";
    var size = options.legendSize || 14;
    var item = '<span style="display:inline-flex;align-items:center;gap:5px;white-space:nowrap">';
    var items = [];
    (options.legend || []).forEach(function (index) {
      var type = options.types[index];
      if (type) items.push(item + sized(type[0], size) + escapeHtml(type[1]) + "</span>");
    });
    if (options.approximateLabel) {
      items.push(
        item + '<span style="' + APPROXIMATE_STYLE + ';display:inline-block;width:12px;height:12px"></span>' +
          escapeHtml(options.approximateLabel) + "</span>"
      );
    }
    if (options.groupLegend) {
      var sample = (options.legend || []).slice(0, 3).map(function (index) {
        return [index, 1];
      });
      items.push(
        item + '<span style="position:relative;display:inline-block;width:24px;height:24px">' +
          ringHtml(sample, "", 24, options.types, false) + "</span>" + escapeHtml(options.groupLegend) + "</span>"
      );
    }
    var list = '<div style="display:flex;flex-wrap:wrap;gap:4px 16px;margin-top:4px">' + items.join("") + "</div>";
    if (!options.legendTitle) {
      // nothing to fold it under: the entries alone
      var plain = document.createElement("div");
      plain.className = "ecosystem-legend";
      plain.style.font = details.style.font;
      plain.innerHTML = list;
      return plain;
    }
    details.innerHTML =
      '<summary style="cursor:pointer;font-weight:bold">' + escapeHtml(options.legendTitle) + "</summary>" + list;
    return details;
  }

  // In a map of its own (the downloadable file): the legend as a control, folded on a small screen.
  function buildLegendControl(options) {
    var legend = L.control({ position: "bottomleft" });
    legend.onAdd = function (map) {
      var div = L.DomUtil.create("div", "ecosystem-legend-control");
      div.style.cssText = "background:rgba(255,255,255,0.94);padding:6px 8px;border-radius:4px;max-width:60vw";
      div.appendChild(buildLegendElement(options, map.getSize().x >= 640));
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return legend;
  }

  // A marker named for screen readers: Leaflet makes a clickable marker a button, and a button needs a name.
  // Its tooltip (options.tip) is made when it is first drawn: of ten thousand markers, most stay in clusters.
  var ActorMarker = L.Marker.extend({
    beforeAdd: function () {
      // bound before the marker is on the map, as Leaflet expects: hover and keyboard focus open it
      if (this.options.tip && !this.getTooltip()) this.bindTooltip(this.options.tip, this.options.tipOptions);
    },

    _initIcon: function () {
      L.Marker.prototype._initIcon.call(this);
      if (this._icon && this.options.label) this._icon.setAttribute("aria-label", this.options.label);
    },
  });

  // The first free spot for a circle of radius r near p, away from the circles and names already placed.
  // With `accept`, a spot must also suit it (room for the place's name), searched no further than `reach`.
  function findFree(p, r, placed, boxes, accept, reach) {
    function blocker(x, y) {
      for (var i = 0; i < placed.length; i++) {
        var c = placed[i], dx = x - c.x, dy = y - c.y, room = r + c.r + 3;
        if (dx * dx + dy * dy < room * room) return c;
      }
      for (var j = 0; j < boxes.length; j++) {
        var b = boxes[j];
        if (boxHitsCircle(b, { x: x, y: y, r: r + 2 })) return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
      }
      return null;
    }
    var first = blocker(p.x, p.y);
    if (!first && (!accept || accept(p))) return p;
    first = first || p;
    var start = first.x === p.x && first.y === p.y ? -Math.PI / 2 : Math.atan2(p.y - first.y, p.x - first.x);
    for (var d = 6; d < (reach || 600); d += 5) {
      var steps = Math.max(8, Math.ceil((2 * Math.PI * d) / 8));
      for (var k = 0; k < steps; k++) {
        // alternate either side of the direction away from the first blocker
        var turn = Math.ceil(k / 2) * (k % 2 ? 1 : -1);
        var angle = start + (2 * Math.PI * turn) / steps;
        var x = p.x + d * Math.cos(angle), y = p.y + d * Math.sin(angle);
        if (!blocker(x, y) && (!accept || accept(L.point(x, y)))) return L.point(x, y);
      }
    }
    return accept ? null : p;
  }

  function boxHitsCircle(box, c) {
    var x = Math.max(box.x, Math.min(c.x, box.x + box.w)), y = Math.max(box.y, Math.min(c.y, box.y + box.h));
    var dx = x - c.x, dy = y - c.y;
    return dx * dx + dy * dy < (c.r + 1) * (c.r + 1);
  }

  function boxesOverlap(a, b) {
    return a.x < b.x + b.w + 2 && b.x < a.x + a.w + 2 && a.y < b.y + b.h + 1 && b.y < a.y + a.h + 1;
  }

  // Where the actors of a fanned place go: rings around its point, about 28 px apart.
  function fanOffsets(count) {
    var out = [], radius = 32, ring = 0;
    while (out.length < count) {
      var fits = Math.max(6, Math.floor((2 * Math.PI * radius) / 28));
      var here = Math.min(fits, count - out.length);
      for (var i = 0; i < here; i++) {
        var angle = -Math.PI / 2 + (2 * Math.PI * i) / here + (ring % 2 ? Math.PI / here : 0);
        out.push(L.point(radius * Math.cos(angle), radius * Math.sin(angle)));
      }
      radius += 27;
      ring += 1;
    }
    return { offsets: out, radius: radius - 27 };
  }

  function nameLabel(group) {
    var icon = group.marker._icon;
    return icon && icon.querySelector(".ecosystem-group-name");
  }

  // The size of a place's name, measured once (the marker must be on the map).
  function measureName(group) {
    if (!group.labelSize) measureNames([group]);
    return nameLabel(group) ? group.labelSize : null;
  }

  // The names not yet measured, all shown (hidden) at once and then read: the page is laid out once, not once each.
  function measureNames(groups) {
    var pending = groups.filter(function (group) {
      return !group.labelSize && nameLabel(group);
    });
    var labels = pending.map(nameLabel);
    var displays = labels.map(function (label) {
      var display = label.style.display;
      label.style.visibility = "hidden";
      label.style.display = "block";
      return display;
    });
    labels.forEach(function (label, i) {
      pending[i].labelSize = [label.offsetWidth, label.offsetHeight];
    });
    labels.forEach(function (label, i) {
      label.style.display = displays[i];
      label.style.visibility = "";
    });
  }

  // Where a place's name goes beside its ring at q: on a side, under, above or at a corner, a little further
  // out each round; inside the map's frame when the ring is; null when every spot covers a marker or a name.
  function findNameSpot(group, q, r, placed, boxes, view) {
    var w = group.labelSize[0], h = group.labelSize[1], d = 0.72 * r, spots = [];
    [4, 12, 22].forEach(function (gap) {
      spots.push(
        [r + gap, -h / 2], [-r - gap - w, -h / 2], [-w / 2, r + gap - 1], [-w / 2, -r - gap + 1 - h],
        [d + gap, d - 2], [d + gap, -d - h + 2], [-d - gap - w, d - 2], [-d - gap - w, -d - h + 2]
      );
    });
    var f = view.frame, s = view.size;
    var ringInView = q.x >= f.x && q.x <= f.x + s.x && q.y >= f.y && q.y <= f.y + s.y;
    for (var i = 0; i < spots.length; i++) {
      var box = { x: q.x + spots[i][0], y: q.y + spots[i][1], w: w, h: h, dx: spots[i][0], dy: spots[i][1] };
      if (ringInView && (box.x < f.x || box.y < f.y || box.x + w > f.x + s.x || box.y + h > f.y + s.y)) continue;
      var free = !placed.some(function (c) {
        return boxHitsCircle(box, c);
      }) && !boxes.some(function (b) {
        return boxesOverlap(box, b);
      });
      if (free) return box;
    }
    return null;
  }

  // Show a place's name where it fits, and keep that spot from later places; hide it where nothing fits.
  function placeName(group, placed, boxes, view) {
    var label = nameLabel(group);
    if (!label || !measureName(group)) return;
    var box = findNameSpot(group, group.point, group.radius, placed, boxes, view);
    label.style.display = box ? "block" : "none";
    if (!box) return;
    boxes.push(box);
    label.style.left = group.radius + box.dx + "px";
    label.style.top = group.radius + box.dy + "px";
  }

  var MCG = L.MarkerClusterGroup.prototype;

  L.EcosystemMarkers = L.MarkerClusterGroup.extend({
    initialize: function (rows, options) {
      var self = this;
      MCG.initialize.call(
        this,
        L.extend({}, options.cluster || {}, {
          iconCreateFunction: function (cluster) {
            return self._clusterIcon(cluster);
          },
        })
      );
      var types = options.types || [];
      var size = options.size || 18;
      var selectedSize = options.selectedSize || 28;
      var icons = types.map(function (type) {
        return buildIcon(type[0], size, false, false);
      });
      var approximateIcons = types.map(function (type) {
        return buildIcon(type[0], size, false, true);
      });
      var groupOf = Object.create(null);
      this._groups = (options.groups || []).map(function (row) {
        var group = { name: row[0], latlng: L.latLng(row[1], row[2]), mix: row[4], approximate: row[5] === 1, members: [] };
        row[3].forEach(function (id) {
          groupOf[id] = group;
        });
        return group;
      });
      var rest = [];
      this._byId = Object.create(null);
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var selected = options.selected != null && row[0] === options.selected;
        var type = types[row[3]] || types[0];
        var approximate = row[5] === 1;
        var plain = (approximate ? approximateIcons : icons)[row[3]] || icons[0];
        var marker = new ActorMarker([row[1], row[2]], {
          id: row[0],
          label: row[4],
          icon: selected ? buildIcon(type[0], selectedSize, true, approximate) : plain,
          zIndexOffset: selected ? 4000 : 0,
          typeIndex: types[row[3]] ? row[3] : 0,
          approximate: approximate,
          tip: escapeHtml(row[4]),
          tipOptions: { sticky: false },
        });
        if (selected) this._selected = marker;
        this._byId[row[0]] = marker;
        var group = groupOf[row[0]];
        if (group) {
          group.members.push(marker);
          marker._ecosystemGroup = group;
        } else rest.push(marker);
      }
      var nameTemplate = options.groupName || "{name}: {count}";
      // Each named place with actors drawn: its one actor's marker, or one marker for all of them.
      this._items = this._groups.filter(function (group) {
        var count = group.members.length;
        if (count === 1) group.marker = group.members[0];
        else if (count > 1) {
          var label = nameTemplate.replace("{name}", group.name).replace("{count}", count);
          group.marker = new ActorMarker(group.latlng, {
            icon: ringIcon(group.mix, count, types, group.approximate, group.name, "ecosystem-group"),
            label: label,
            group: group,
            count: count,
            mix: group.mix,
            zIndexOffset: 500,
            tip: escapeHtml(label),
            tipOptions: { direction: "top", offset: [0, -ringSize(count) / 2] },
          });
        }
        return count > 0;
      });
      // Clustered once the map is known: added before, each marker would be checked against all those before it.
      this._pending = rest;
      this._icons = icons;
      this._approximateIcons = approximateIcons;
      this._types = types;
      this._size = size;
      this._selectedSize = selectedSize;
      this._groupZoom = options.groupZoom || 10;
      this._selectZoom = options.selectZoom || 14;
      this._places = L.featureGroup();
      this._fanned = L.featureGroup();
      this._lines = L.layerGroup(); // leader lines from moved places to their points
      this._legs = L.layerGroup(); // the fanned place's legs, hub and name
      // Clicks on the places' and the fan's markers reach this layer's listeners, as the clustered ones do.
      var forward = function (e) {
        self.fire("click", { layer: e.layer, originalEvent: e.originalEvent });
      };
      this._places.on("click", forward);
      this._fanned.on("click", forward);
      this.on("click", function (e) {
        var layer = e.layer;
        if (!(layer instanceof L.Marker) || layer instanceof L.MarkerCluster) return;
        if (layer.options.group) this.expand(layer.options.group);
        else this.select(layer);
      });
      this._legend =
        options.legendControl !== false && options.legend && options.legend.length ? buildLegendControl(options) : null;
    },

    _clusterIcon: function (cluster) {
      var counts = Object.create(null), total = 0;
      cluster.getAllChildMarkers().forEach(function (marker) {
        var mix = marker.options.mix || [[marker.options.typeIndex, 1]];
        mix.forEach(function (pair) {
          counts[pair[0]] = (counts[pair[0]] || 0) + pair[1];
          total += pair[1];
        });
      });
      var mix = Object.keys(counts)
        .map(function (key) {
          return [Number(key), counts[key]];
        })
        .sort(function (a, b) {
          return a[0] - b[0];
        });
      return ringIcon(mix, total, this._types, false, "", "ecosystem-cluster");
    },

    // Places clustered below groupZoom, one marker each from it on.
    _update: function () {
      var map = this._map;
      if (!map) return;
      var grouped = map.getZoom() >= this._groupZoom;
      var markers = this._items.map(function (group) {
        return group.marker;
      });
      if (grouped !== this._mode) {
        if (grouped) {
          if (this._mode === false) MCG.removeLayers.call(this, markers);
          markers.forEach(this._places.addLayer, this._places);
        } else {
          this.collapse();
          this._places.clearLayers();
          this._lines.clearLayers();
          this._items.forEach(function (group) {
            group.marker.setLatLng(group.latlng);
          });
          MCG.addLayers.call(this, markers);
        }
        this._mode = grouped;
      }
      if (grouped) {
        this._layout();
        if (this._open) this._fan(this._open);
      }
    },

    // Each place, the largest first, at its point or moved aside (with a line back to its point) when it would
    // cover another place or name; a place's name goes beside it where it covers nothing, and is then in the way.
    _layout: function () {
      var map = this._map, self = this, placed = [], boxes = [];
      var view = { frame: map.containerPointToLayerPoint([4, 4]), size: map.getSize().subtract([8, 8]) };
      measureNames(this._items);
      this._lines.clearLayers();
      this._items.forEach(function (group) {
        var p = map.latLngToLayerPoint(group.latlng);
        var count = group.members.length;
        var r = count > 1 ? ringSize(count) / 2 : (group.marker === self._selected ? self._selectedSize : self._size) / 2;
        // a place with a name looks a little further for a spot where its name fits too
        var q = count > 1 && measureName(group) && findFree(p, r, placed, boxes, function (at) {
          return !!findNameSpot(group, at, r, placed, boxes, view);
        }, 160);
        q = q || findFree(p, r, placed, boxes);
        placed.push({ x: q.x, y: q.y, r: r });
        group.point = q;
        group.radius = r;
        group.shown = q === p ? group.latlng : map.layerPointToLatLng(q);
        group.marker.setLatLng(group.shown);
        if (q !== p) {
          self._lines.addLayer(L.polyline([group.latlng, group.shown], { color: "#333", weight: 1, opacity: 0.8, interactive: false }));
          self._lines.addLayer(
            L.circleMarker(group.latlng, { radius: 2.5, color: "#333", weight: 1, fillColor: "#fff", fillOpacity: 1, interactive: false })
          );
        }
        if (count > 1) placeName(group, placed, boxes, view);
      });
    },

    // Fan a place's actors out around its marker, inside the visible map.
    expand: function (group) {
      var map = this._map;
      if (!map || group.members.length < 2) return;
      if (this._open && this._open !== group) this.collapse();
      this._open = group;
      if (map.getZoom() < this._groupZoom) map.setView(group.latlng, this._groupZoom, { animate: false });
      else this._fan(group);
      this._keepInside(group);
    },

    _fan: function (group) {
      var map = this._map, self = this;
      this._places.removeLayer(group.marker);
      this._fanned.clearLayers();
      this._legs.clearLayers();
      var centre = group.point || map.latLngToLayerPoint(group.latlng);
      var hub = map.layerPointToLatLng(centre);
      var fan = fanOffsets(group.members.length);
      group.fanRadius = fan.radius;
      group.members.forEach(function (marker, i) {
        var at = map.layerPointToLatLng(centre.add(fan.offsets[i]));
        self._legs.addLayer(L.polyline([hub, at], { color: "#333", weight: 1.2, opacity: 0.7, interactive: false }));
        marker.setLatLng(at);
        marker.setZIndexOffset(marker === self._selected ? 4000 : 2000);
        self._fanned.addLayer(marker);
      });
      this._legs.addLayer(
        L.circleMarker(hub, { radius: 4, color: "#333", weight: 1, fillColor: "#fff", fillOpacity: 1, interactive: false })
      );
      this._legs.addLayer(
        L.marker(hub, {
          interactive: false,
          keyboard: false,
          zIndexOffset: 3000,
          icon: L.divIcon({
            className: "ecosystem-fan-name",
            iconSize: [0, 0],
            html:
              '<b style="' + LABEL_STYLE + ";display:block;pointer-events:none;transform:translate(-50%," +
              (-fan.radius - this._selectedSize / 2 - 20) + 'px)">' + escapeHtml(group.name) + "</b>",
          }),
        })
      );
    },

    collapse: function () {
      var group = this._open;
      if (!group) return;
      this._open = null;
      this._fanned.clearLayers();
      this._legs.clearLayers();
      if (this._map && this._mode) {
        group.marker.setLatLng(group.shown || group.latlng);
        this._places.addLayer(group.marker);
        this._layout();
      }
    },

    // Pan the map so that a fanned place, its name included, lies inside the view.
    _keepInside: function (group) {
      var map = this._map;
      if (!map || !group.fanRadius) return;
      var c = map.latLngToContainerPoint(group.shown || group.latlng), size = map.getSize();
      var reach = group.fanRadius + this._selectedSize / 2 + 8, pad = 12;
      var left = c.x - reach, right = c.x + reach, top = c.y - reach - 24, bottom = c.y + reach;
      var dx = left < pad ? left - pad : right > size.x - pad ? right - size.x + pad : 0;
      var dy = top < pad ? top - pad : bottom > size.y - pad ? bottom - size.y + pad : 0;
      if (dx || dy) map.panBy([dx, dy], { animate: false });
    },

    // Highlight the marker of the actor with this id, and show it; none when the id is null or unknown.
    selectId: function (id) {
      var marker = id == null ? null : this._byId[id] || null;
      if (marker === this._selected) return;
      this.select(marker);
      if (marker) this.reveal(marker);
    },

    select: function (marker) {
      if (this._selected === marker) return;
      var previous = this._selected;
      this._selected = marker;
      if (previous) {
        var options = previous.options;
        previous.setIcon((options.approximate ? this._approximateIcons : this._icons)[options.typeIndex]);
        previous.setZIndexOffset(this._fanned.hasLayer(previous) ? 2000 : 0);
        if (this._open && previous._ecosystemGroup === this._open && !marker) this.collapse();
      }
      if (!marker) return;
      var type = this._types[marker.options.typeIndex];
      marker.setIcon(buildIcon(type[0], this._selectedSize, true, marker.options.approximate));
      marker.setZIndexOffset(4000);
    },

    // Zoom to a selected actor and take it out of its place or cluster.
    reveal: function (marker) {
      var map = this._map;
      if (!map) return;
      var group = marker._ecosystemGroup;
      if (!group) {
        this.zoomToShowLayer(marker, function () {});
        return;
      }
      map.setView(group.latlng, Math.max(map.getZoom(), this._selectZoom), { animate: false });
      if (group.members.length > 1) this.expand(group);
    },

    onAdd: function (map) {
      MCG.onAdd.call(this, map);
      if (this._pending) {
        MCG.addLayers.call(this, this._pending, true);
        this._pending = null;
      }
      this._lines.addTo(map);
      this._legs.addTo(map);
      this._places.addTo(map);
      this._fanned.addTo(map);
      if (this._legend) this._legend.addTo(map);
      this._mode = null;
      map.on("zoomend viewreset moveend", this._update, this);
      map.on("click", this._onMapClick, this);
      this._update();
      if (this._selected) this.reveal(this._selected);
    },

    onRemove: function (map) {
      map.off("zoomend viewreset moveend", this._update, this);
      map.off("click", this._onMapClick, this);
      if (this._legend) map.removeControl(this._legend);
      this._open = null;
      [this._lines, this._legs, this._places, this._fanned].forEach(function (layer) {
        layer.clearLayers();
        map.removeLayer(layer);
      });
      MCG.onRemove.call(this, map);
    },

    // A click beside the fan folds it, unless it holds the selected actor.
    _onMapClick: function () {
      if (this._open && !(this._selected && this._selected._ecosystemGroup === this._open)) this.collapse();
    },
  });

  L.ecosystemMarkers = function (rows, options) {
    return new L.EcosystemMarkers(rows, options);
  };

  L.ecosystemLegend = buildLegendElement;
})();
