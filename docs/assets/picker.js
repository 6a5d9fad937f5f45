// The interactive "Which model should I pick?" picker. Plain JavaScript, no framework, no server: it
// reads picker.json (written by the generator beside this file, from the same tree as the guide's
// static lists), asks one question at a time, and keeps the answers in the page's query string
// (?ram=8gb&use=coding) so an answer can be shared as a link. Text from the data only ever reaches
// the page through textContent, never as HTML.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.getElementById("picker");
  if (!root || !script) {
    return;
  }
  var dataUrl = new URL("picker.json", script.src);
  // Every answer given so far, kept when an earlier answer changes the path, so that changing the
  // RAM does not forget the main use.
  var remembered = readAnswers();

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function readAnswers() {
    var answers = {};
    new URLSearchParams(window.location.search).forEach(function (value, key) {
      answers[key] = value;
    });
    return answers;
  }

  // The answers along the path they lead to: unknown ids and answers to questions the path no
  // longer asks are dropped, so a shared link always shows a consistent state.
  function walk(data, answers) {
    var node = data.tree;
    var steps = [];
    var kept = {};
    while (node.question) {
      var chosen = answers[node.question];
      var branch = node.branches.find(function (b) {
        return b.options.indexOf(chosen) !== -1;
      });
      steps.push({ node: node, chosen: branch ? chosen : null });
      if (!branch) {
        return { steps: steps, leaf: null, answers: kept };
      }
      kept[node.question] = chosen;
      node = branch.next;
    }
    return { steps: steps, leaf: node, answers: kept };
  }

  function shareUrl(answers) {
    var params = new URLSearchParams();
    Object.keys(answers).forEach(function (key) {
      params.set(key, answers[key]);
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + "#picker";
  }

  function question(data, step, onAnswer) {
    var id = step.node.question;
    var fieldset = el("fieldset");
    fieldset.appendChild(el("legend", data.questions[id].ask));
    data.questions[id].options.forEach(function (option) {
      var label = el("label");
      var input = el("input");
      input.type = "radio";
      input.name = "picker-" + id;
      input.value = option.id;
      input.checked = option.id === step.chosen;
      input.addEventListener("change", function () {
        onAnswer(id, option.id);
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + option.label));
      label.style.display = "block";
      fieldset.appendChild(label);
    });
    return fieldset;
  }

  function result(leaf, answers) {
    var box = el("div");
    box.className = "admonition success";
    box.appendChild(el("p", "Recommended")).className = "admonition-title";
    if (leaf.note) {
      box.appendChild(el("p", leaf.note + (leaf.models.length ? ":" : ".")));
    }
    var list = el("ul");
    leaf.models.forEach(function (model) {
      var item = el("li");
      var link = el("a", model.name);
      if (model.url) {
        link.href = new URL(model.url, dataUrl).href;
      }
      item.appendChild(link);
      if (model.reason) {
        item.appendChild(document.createTextNode(" (" + model.reason + ")"));
      }
      list.appendChild(item);
    });
    if (leaf.models.length) {
      box.appendChild(list);
    }
    var share = el("p");
    var link = el("a", "Link to this answer");
    link.href = shareUrl(answers);
    share.appendChild(link);
    box.appendChild(share);
    return box;
  }

  function render(data, answers) {
    var state = walk(data, answers);
    root.replaceChildren();
    state.steps.forEach(function (step) {
      root.appendChild(
        question(data, step, function (id, value) {
          remembered[id] = value;
          window.history.replaceState(null, "", shareUrl(walk(data, remembered).answers));
          render(data, remembered);
        })
      );
    });
    if (state.leaf) {
      root.appendChild(result(state.leaf, state.answers));
    }
  }

  fetch(dataUrl)
    .then(function (response) {
      if (!response.ok) {
        throw new Error("picker.json: HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (data) {
      root.hidden = false;
      render(data, remembered);
    })
    .catch(function (error) {
      // Without the data the picker stays hidden; the static tree below still answers.
      console.warn(error);
    });
})();
