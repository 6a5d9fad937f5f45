// The comparison of any two or three models (or families) on compare/. Plain JavaScript, no framework,
// no server: the state is the query string (?m=<model>&m=<model>[&m=<model>], or ?f=<family>&f=<family>),
// in either order, so a comparison can be shared as a link. The figures are the JSON API's
// (api/v1/*.json, written by the generator with the pages), never computed here: this script lays the
// records side by side and applies the site's comparability rule (index.json `comparable`, the rule of
// data/criteria.yaml that generator/derive/provenance.py applies) to say which scores may be compared.
// Text from the data only ever reaches the page through textContent, never as HTML.
(function () {
  "use strict";

  var MAX = 3;
  var root = document.getElementById("compare");
  var script = document.currentScript;
  if (!root || !script) {
    return;
  }
  var api = new URL("../api/v1/", script.src);
  var NAMES = ["index", "families", "models", "benchmarks", "scores", "hardware", "offers", "comparisons", "sources"];

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (cls) {
      node.className = cls;
    }
    return node;
  }

  function link(text, href) {
    if (!href) {
      return el("span", text);
    }
    var a = el("a", text);
    a.href = href;
    return a;
  }

  function message(title, lines) {
    root.textContent = "";
    var box = el("div", null, "admonition warning");
    box.appendChild(el("p", title, "admonition-title"));
    lines.forEach(function (line) {
      box.appendChild(line);
    });
    root.appendChild(box);
  }

  // --- Numbers as the pages write them (generator/render/format.py).
  function number(value, digits) {
    var rounded = Number(Number(value).toFixed(digits === undefined ? 1 : digits));
    return rounded.toLocaleString("en-US", { maximumFractionDigits: digits === undefined ? 1 : digits });
  }
  function params(fig) {
    if (!fig) {
      return null;
    }
    var v = fig.value;
    var text = v >= 1000 ? number(v / 1000, 2) + "T" : number(v, 2) + "B";
    return (fig.approx ? "~" : "") + text;
  }
  function tokens(v) {
    var units = [[1000000, "M"], [1024 * 1024, "M"], [1000, "K"], [1024, "K"]];
    for (var i = 0; i < units.length; i++) {
      if (v >= units[i][0] && v % units[i][0] === 0) {
        return v / units[i][0] + units[i][1];
      }
    }
    return v >= 1000 ? number(v / 1024, 1) + "K" : String(v);
  }
  function usd(v) {
    return "$" + v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function list(value) {
    return Array.isArray(value) ? value.join(", ") : value;
  }

  // --- Links: the API's addresses are absolute (the published site); the page links within the copy
  // it was loaded from, so a local preview stays local.
  var siteRoot = "";
  function local(url) {
    if (url && siteRoot && url.indexOf(siteRoot) === 0) {
      return new URL(url.slice(siteRoot.length), new URL("../", window.location.href)).href;
    }
    return url;
  }

  // --- The state in the query string.
  function readState() {
    var query = new URLSearchParams(window.location.search);
    var pick = function (key) {
      return query.getAll(key).map(function (v) {
        return v.trim().toLowerCase();
      }).filter(Boolean);
    };
    return { models: pick("m"), families: pick("f") };
  }

  function load() {
    return Promise.all(
      NAMES.map(function (name) {
        return fetch(new URL(name + ".json", api)).then(function (r) {
          if (!r.ok) {
            throw new Error(name + ".json: HTTP " + r.status);
          }
          return r.json();
        });
      })
    ).then(function (files) {
      var data = {};
      NAMES.forEach(function (name, i) {
        data[name] = files[i];
      });
      return index(data);
    });
  }

  function byId(records) {
    var map = {};
    records.forEach(function (r) {
      map[r.id] = r;
      (r.aliases || []).forEach(function (alias) {
        if (!(alias in map)) {
          map[alias] = r;
        }
      });
    });
    return map;
  }

  function index(d) {
    siteRoot = d.index.docs.replace(/api\/$/, "");
    var db = {
      rule: d.index.comparable,
      families: byId(d.families.families),
      familyList: d.families.families,
      models: byId(d.models.models),
      modelList: d.models.models,
      benchmarks: d.benchmarks.benchmarks,
      sources: byId(d.sources.sources),
      profiles: byId(d.hardware.profiles),
      scores: {},
      hardware: {},
      offers: d.offers.offers,
      pairs: {},
    };
    d.scores.scores.forEach(function (s) {
      (db.scores[s.model] = db.scores[s.model] || []).push(s);
    });
    d.hardware.hardware.forEach(function (h) {
      (db.hardware[h.model] = db.hardware[h.model] || []).push(h);
    });
    d.comparisons.comparisons.forEach(function (c) {
      db.pairs[c.families.slice().sort().join(" ")] = c;
    });
    return db;
  }

  // --- Bad addresses: unknown ids get the closest ones the catalog has.
  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) {
      row.push(j);
    }
    for (var i = 1; i <= a.length; i++) {
      var prev = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var keep = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, prev + (a[i - 1] === b[k - 1] ? 0 : 1));
        prev = keep;
      }
    }
    return row[b.length];
  }

  function closest(id, records) {
    return records
      .map(function (r) {
        var words = (r.id + " " + r.name.toLowerCase()).split(/[\s-]+/);
        var shared = id.split(/[\s-]+/).filter(function (w) {
          return w && words.indexOf(w) !== -1;
        }).length;
        return { r: r, score: distance(id, r.id) - 3 * shared };
      })
      .sort(function (x, y) {
        return x.score - y.score || (x.r.id < y.r.id ? -1 : 1);
      })
      .slice(0, 3)
      .map(function (x) {
        return x.r;
      });
  }

  function addressWith(key, ids) {
    var query = new URLSearchParams();
    ids.forEach(function (id) {
      query.append(key, id);
    });
    return "?" + query.toString();
  }

  function check(db, state) {
    var key = state.models.length ? "m" : "f";
    var ids = key === "m" ? state.models : state.families;
    var table = key === "m" ? db.models : db.families;
    var records = key === "m" ? db.modelList : db.familyList;
    var kind = key === "m" ? "model" : "family";
    if (state.models.length && state.families.length) {
      message("Compare models or families, not both at once.", [
        el("p", "The address names " + state.models.length + " model(s) and " + state.families.length + " family(ies)."),
        linkLine("Compare the models instead", addressWith("m", state.models)),
        linkLine("Compare the families instead", addressWith("f", state.families)),
      ]);
      return null;
    }
    if (ids.length > MAX) {
      message("This page compares at most " + MAX + " at a time; the address names " + ids.length + ".", [
        linkLine("Compare the first " + MAX, addressWith(key, ids.slice(0, MAX))),
      ]);
      return null;
    }
    var unknown = ids.filter(function (id) {
      return !table[id];
    });
    if (unknown.length) {
      message("The catalog has no " + kind + " called " + unknown.map(quote).join(" or ") + ".", unknown.map(function (id) {
        var p = el("p", "Closest to " + quote(id) + ": ");
        closest(id, records).forEach(function (r, i) {
          if (i) {
            p.appendChild(document.createTextNode(", "));
          }
          var fixed = ids.map(function (x) {
            return x === id ? r.id : x;
          });
          p.appendChild(link(r.name + " (" + r.id + ")", addressWith(key, fixed)));
        });
        return p;
      }));
      return null;
    }
    var found = ids.map(function (id) {
      return table[id];
    });
    var seen = {};
    var twice = found.filter(function (r) {
      var again = seen[r.id];
      seen[r.id] = true;
      return again;
    });
    if (twice.length) {
      message("The address names " + twice[0].name + " twice: choose a different " + kind + " to compare it with.", [
        el("p", "Use the form above, or open " + twice[0].name + "'s own page for its figures."),
        linkLine(twice[0].name, local(twice[0].url)),
      ]);
      return null;
    }
    if (found.length === 1) {
      message("Choose one more " + kind + " to compare " + found[0].name + " with.", [el("p", "Use the form above.")]);
      return null;
    }
    return { key: key, records: found };
  }

  function quote(id) {
    return "\u201c" + id + "\u201d";
  }

  function linkLine(text, href) {
    var p = el("p");
    p.appendChild(link(text, href));
    return p;
  }

  // --- Citations: one numbered list per comparison, [n] beside each figure, once per source.
  function Citations(db) {
    var order = [];
    return {
      mark: function (sourceId) {
        if (!sourceId || !db.sources[sourceId]) {
          return null;
        }
        var n = order.indexOf(sourceId);
        if (n === -1) {
          order.push(sourceId);
          n = order.length - 1;
        }
        var sup = el("sup");
        sup.appendChild(link("[" + (n + 1) + "]", "#compare-source-" + (n + 1)));
        return sup;
      },
      list: function () {
        var ol = el("ol");
        order.forEach(function (id, i) {
          var s = db.sources[id];
          var li = el("li");
          li.id = "compare-source-" + (i + 1);
          li.appendChild(link(s.title, s.url));
          if (s.publisher) {
            li.appendChild(document.createTextNode(", " + s.publisher + (s.date ? ", " + s.date : "")));
          }
          ol.appendChild(li);
        });
        return ol;
      },
    };
  }

  function cell(text, sourceId, cites) {
    var td = el("td", text === null || text === undefined ? "\u2014" : text);
    var mark = text === null || text === undefined ? null : cites.mark(sourceId);
    if (mark) {
      td.appendChild(mark);
    }
    return td;
  }

  function figureCell(fig, format, cites) {
    return fig ? cell(format(fig.value, fig), fig.source, cites) : cell(null);
  }

  function table(head, rows, caption) {
    var wrap = el("div", null, "omc-compare__table");
    var t = el("table");
    if (caption) {
      t.appendChild(el("caption", caption));
    }
    var thead = el("thead");
    var tr = el("tr");
    head.forEach(function (h) {
      var th = el("th", h);
      th.scope = "col";
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    t.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (r) {
      tbody.appendChild(r);
    });
    t.appendChild(tbody);
    wrap.appendChild(t);
    return wrap;
  }

  function row(label, cells) {
    var tr = el("tr");
    var th = el("th", label);
    th.scope = "row";
    tr.appendChild(th);
    cells.forEach(function (c) {
      tr.appendChild(c);
    });
    return tr;
  }

  // --- The comparability rule: must_match settings equal ("not stated" is a value of its own),
  // match_if_stated settings equal where both state them (generator/derive/provenance.py `comparable`).
  function comparable(rule, x, y) {
    var same = rule.must_match.every(function (f) {
      return (x[f] === undefined ? null : x[f]) === (y[f] === undefined ? null : y[f]);
    });
    return same && rule.match_if_stated.every(function (f) {
      return x[f] === null || y[f] === null || x[f] === undefined || y[f] === undefined || x[f] === y[f];
    });
  }

  // One row per benchmark and set of comparable scores: each model's first score that is comparable
  // with every score already in the row; a score that fits no row opens one of its own.
  function scoreRows(db, models, bench) {
    var left = models.map(function (m) {
      return (db.scores[m.id] || []).filter(function (s) {
        return s.benchmark === bench.id;
      });
    });
    var rows = [];
    left.forEach(function (scores, i) {
      scores.forEach(function (s) {
        if (s.used) {
          return;
        }
        var picked = models.map(function () {
          return null;
        });
        picked[i] = s;
        s.used = true;
        left.forEach(function (others, j) {
          if (j === i) {
            return;
          }
          var match = others.find(function (o) {
            return !o.used && picked.every(function (p) {
              return !p || comparable(db.rule, p, o);
            });
          });
          if (match) {
            match.used = true;
            picked[j] = match;
          }
        });
        rows.push(picked);
      });
    });
    left.forEach(function (scores) {
      scores.forEach(function (s) {
        delete s.used;
      });
    });
    return rows;
  }

  // The best of two or more comparable scores; none on a tie at the top.
  function winner(bench, picked) {
    var present = picked.filter(Boolean);
    if (present.length < 2) {
      return -1;
    }
    var sign = bench.higher_is_better ? 1 : -1;
    var best = -1;
    var tie = false;
    picked.forEach(function (s, i) {
      if (!s) {
        return;
      }
      if (best === -1 || sign * (s.value - picked[best].value) > 0) {
        best = i;
        tie = false;
      } else if (s.value === picked[best].value) {
        tie = true;
      }
    });
    return tie ? -1 : best;
  }

  function specsTable(db, models, cites) {
    var fam = models.map(function (m) {
      return db.families[m.family];
    });
    var rows = [
      row("Family", fam.map(function (f) {
        var td = el("td");
        td.appendChild(link(f.name, local(f.url)));
        return td;
      })),
      row("Maker", fam.map(function (f) {
        return el("td", f.maker.name);
      })),
      row("Parameters", models.map(function (m) {
        return figureCell(m.params.total, function (v, f) {
          return params(f);
        }, cites);
      })),
      row("Active per token", models.map(function (m) {
        var f = m.params.active || m.params.total;
        return figureCell(f, function (v, fig) {
          return params(fig);
        }, cites);
      })),
      row("Context", models.map(function (m, i) {
        return figureCell(m.context_tokens || fam[i].context_tokens, tokens, cites);
      })),
      row("Input", models.map(function (m, i) {
        return figureCell(m.modalities || fam[i].modalities, list, cites);
      })),
      row("License", models.map(function (m) {
        return figureCell(m.license, String, cites);
      })),
      row("Released", models.map(function (m, i) {
        return figureCell(m.released || fam[i].released, String, cites);
      })),
      row("Run locally", models.map(function (m) {
        return figureCell(m.ollama, function (v) {
          return "ollama run " + v;
        }, cites);
      })),
      row("Smallest RAM measured", models.map(function (m) {
        var measured = (db.hardware[m.id] || []).filter(function (h) {
          return h.ram_gb !== null;
        });
        measured.sort(function (x, y) {
          return x.ram_gb - y.ram_gb;
        });
        var h = measured[0];
        return h ? cell(number(h.ram_gb, 1) + " GB" + (h.quantisation ? " at " + h.quantisation : ""), h.source, cites) : cell(null);
      })),
    ];
    return table([""].concat(models.map(nameOf)), rows, "Specifications");
  }

  function nameOf(m) {
    return m.name;
  }

  function scoresSection(db, models, cites) {
    var wins = models.map(function () {
      return 0;
    });
    var rows = [];
    var apart = 0;
    db.benchmarks.forEach(function (bench) {
      scoreRows(db, models, bench).forEach(function (picked) {
        if (picked.filter(Boolean).length < 2) {
          apart += 1;
          return;
        }
        var best = winner(bench, picked);
        if (best !== -1) {
          wins[best] += 1;
        }
        var label = bench.name + (bench.higher_is_better ? "" : " (lower is better)");
        rows.push(row(label, picked.map(function (s, i) {
          var td = cell(s ? number(s.value, 2) : null, s && s.source, cites);
          if (s && s.setting) {
            td.appendChild(el("small", s.setting, "omc-compare__setting"));
          }
          if (i === best) {
            td.className = "omc-compare__best";
            td.insertBefore(el("strong", "\u2713 "), td.firstChild);
          }
          return td;
        })));
      });
    });
    var part = el("section");
    part.appendChild(el("h2", "Benchmarks"));
    if (!rows.length) {
      part.appendChild(el("p", "The data has no benchmark that these models were both scored on in the same setting."));
      return part;
    }
    var summary = models.map(function (m, i) {
      return m.name + " " + wins[i];
    }).join(", ");
    part.appendChild(el("p", "Scores measured in the same setting, side by side; \u2713 marks the best of a row. " +
      "Best scores: " + summary + " (of " + rows.length + " rows). " +
      (apart ? apart + " more score(s) have no counterpart in the same setting and are left out; see each model's page." : "")));
    part.appendChild(table(["Benchmark"].concat(models.map(nameOf)), rows));
    return part;
  }

  function offersFor(db, m) {
    return db.offers.filter(function (o) {
      return o.family === m.family && (o.models === null || o.models.indexOf(m.id) !== -1);
    });
  }

  function pricesSection(db, models, cites) {
    var rows = [];
    models.forEach(function (m) {
      offersFor(db, m).forEach(function (o) {
        if (o.kind === "local") {
          return;
        }
        var stated = o.input_usd_per_mtok !== null || o.output_usd_per_mtok !== null;
        var price = o.kind === "free_api" ? "free" : !stated ? "price not listed" :
          (o.input_usd_per_mtok === null ? "\u2014" : usd(o.input_usd_per_mtok)) + " in / " +
          (o.output_usd_per_mtok === null ? "\u2014" : usd(o.output_usd_per_mtok)) + " out";
        rows.push(row(m.name, [
          el("td", o.provider.name),
          cell(price + (o.as_of ? " (as of " + o.as_of + ")" : ""), o.source, cites),
        ]));
      });
    });
    var part = el("section");
    part.appendChild(el("h2", "Hosted APIs"));
    if (!rows.length) {
      part.appendChild(el("p", "The data lists no hosted API for these models."));
      return part;
    }
    part.appendChild(el("p", "Prices in US dollars per million tokens, input and output."));
    part.appendChild(table(["Model", "Provider", "Price"], rows));
    return part;
  }

  function hardwareSection(db, models, cites) {
    var rows = [];
    models.forEach(function (m) {
      (db.hardware[m.id] || []).forEach(function (h) {
        var profile = h.profile && db.profiles[h.profile] ? db.profiles[h.profile].name : "\u2014";
        rows.push(row(m.name, [
          el("td", profile),
          el("td", h.quantisation || "\u2014"),
          cell(h.ram_gb === null ? null : number(h.ram_gb, 1) + " GB", h.source, cites),
          cell(h.tokens_per_second === null ? null : number(h.tokens_per_second, 1) + " tok/s", h.source, cites),
        ]));
      });
    });
    var part = el("section");
    part.appendChild(el("h2", "Measured on hardware"));
    if (!rows.length) {
      part.appendChild(el("p", "The data has no hardware measurement of these models."));
      return part;
    }
    part.appendChild(table(["Model", "Hardware", "Quantisation", "RAM", "Speed"], rows));
    return part;
  }

  function staticPair(db, familyIds) {
    return db.pairs[familyIds.slice().sort().join(" ")];
  }

  function drawModels(db, models) {
    var cites = Citations(db);
    root.textContent = "";
    var title = models.map(nameOf).join(" vs ");
    document.title = title + " - " + document.title;
    root.appendChild(el("h2", title));
    var intro = el("p");
    models.forEach(function (m, i) {
      if (i) {
        intro.appendChild(document.createTextNode(" \u00b7 "));
      }
      intro.appendChild(link(m.name + "'s page", local(m.url)));
    });
    if (models.length === 2 && models[0].family !== models[1].family) {
      var pair = staticPair(db, [models[0].family, models[1].family]);
      if (pair) {
        intro.appendChild(document.createTextNode(" \u00b7 "));
        intro.appendChild(link("The families compared, with which to pick", local(pair.url)));
      }
    }
    root.appendChild(intro);
    root.appendChild(specsTable(db, models, cites));
    root.appendChild(scoresSection(db, models, cites));
    root.appendChild(pricesSection(db, models, cites));
    root.appendChild(hardwareSection(db, models, cites));
    var sources = el("section");
    sources.appendChild(el("h2", "Sources"));
    sources.appendChild(cites.list());
    root.appendChild(sources);
  }

  function drawFamilies(db, families) {
    var pair = families.length === 2 && staticPair(db, families.map(function (f) {
      return f.id;
    }));
    if (pair) {
      window.location.replace(local(pair.url));
      return;
    }
    var cites = Citations(db);
    root.textContent = "";
    root.appendChild(el("h2", families.map(nameOf).join(" vs ")));
    var rows = [
      row("Maker", families.map(function (f) {
        return el("td", f.maker.name);
      })),
      row("License", families.map(function (f) {
        return figureCell(f.license, String, cites);
      })),
      row("Released", families.map(function (f) {
        return figureCell(f.released, String, cites);
      })),
      row("Max context", families.map(function (f) {
        return figureCell(f.max_context_tokens, tokens, cites);
      })),
      row("Input", families.map(function (f) {
        return figureCell(f.widest_modalities, list, cites);
      })),
      row("Models", families.map(function (f) {
        var td = el("td");
        f.models.forEach(function (id, i) {
          if (i) {
            td.appendChild(document.createTextNode(", "));
          }
          td.appendChild(link(db.models[id].name, local(db.models[id].url)));
        });
        return td;
      })),
    ];
    root.appendChild(table([""].concat(families.map(nameOf)), rows, "The families"));
    root.appendChild(el("p", "Choose one model of each family in the form above to compare their figures."));
    var sources = el("section");
    sources.appendChild(el("h2", "Sources"));
    sources.appendChild(cites.list());
    root.appendChild(sources);
  }

  function fill(state) {
    var inputs = { m: document.querySelectorAll('form.omc-pick input[name="m"]'), f: document.querySelectorAll('form.omc-pick input[name="f"]') };
    state.models.slice(0, inputs.m.length).forEach(function (id, i) {
      inputs.m[i].value = id;
    });
    state.families.slice(0, inputs.f.length).forEach(function (id, i) {
      inputs.f[i].value = id;
    });
  }

  var state = readState();
  if (!state.models.length && !state.families.length) {
    return;
  }
  fill(state);
  root.appendChild(el("p", "Loading the comparison\u2026"));
  load()
    .then(function (db) {
      var chosen = check(db, state);
      if (!chosen) {
        return;
      }
      if (chosen.key === "m") {
        drawModels(db, chosen.records);
      } else {
        drawFamilies(db, chosen.records);
      }
      root.scrollIntoView();
    })
    .catch(function (error) {
      message("The comparison could not be loaded.", [el("p", String(error && error.message ? error.message : error))]);
    });
})();
