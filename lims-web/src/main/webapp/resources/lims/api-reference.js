// Renders the API's OpenAPI document (served by WildFly at /openapi, generated from the code) on public/api.xhtml:
// one section per tag, one row per operation with its parameters, body and credentials. Text only, never HTML
// from the document. Labels come from the page (data-* attributes, in the user's language).
(function () {
  var METHODS = ['get', 'post', 'put', 'patch', 'delete'];

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function schemaName(schema) {
    if (!schema) {
      return '';
    }
    if (schema.$ref) {
      return schema.$ref.substring(schema.$ref.lastIndexOf('/') + 1);
    }
    if (schema.type === 'array') {
      return schemaName(schema.items) + '[]';
    }
    var type = Array.isArray(schema.type) ? schema.type.join('|') : (schema.type || '');
    return schema.format ? type + ' (' + schema.format + ')' : type;
  }

  function operationsByTag(doc) {
    var groups = {};
    var order = (doc.tags || []).map(function (t) { return t.name; });
    Object.keys(doc.paths || {}).sort().forEach(function (path) {
      METHODS.forEach(function (method) {
        var op = doc.paths[path][method];
        if (!op) {
          return;
        }
        var tag = (op.tags && op.tags[0]) || '—';
        if (order.indexOf(tag) < 0) {
          order.push(tag);
        }
        (groups[tag] = groups[tag] || []).push({ path: path, method: method, op: op });
      });
    });
    return order.filter(function (t) { return groups[t]; }).map(function (t) { return { tag: t, ops: groups[t] }; });
  }

  function render(root, doc) {
    var labels = root.dataset;
    var descriptions = {};
    (doc.tags || []).forEach(function (t) { descriptions[t.name] = t.description; });
    root.textContent = '';
    root.appendChild(element('p', 'api-version', doc.info.title + ' · ' + doc.info.version + ' · OpenAPI ' + doc.openapi));
    operationsByTag(doc).forEach(function (group) {
      var section = element('section', 'api-tag');
      section.setAttribute('data-tag', group.tag);
      section.appendChild(element('h2', null, group.tag + ' (' + group.ops.length + ' ' + labels.operations + ')'));
      if (descriptions[group.tag]) {
        section.appendChild(element('p', 'hint', descriptions[group.tag]));
      }
      var table = element('table', 'api-operations');
      group.ops.forEach(function (o) {
        var row = element('tr', 'api-operation');
        row.setAttribute('data-operation', o.method.toUpperCase() + ' ' + o.path);
        row.appendChild(element('td', 'api-method api-' + o.method, o.method.toUpperCase()));
        var what = element('td');
        what.appendChild(element('code', 'api-path', o.path));
        if (o.op.summary) {
          what.appendChild(element('div', 'api-summary', o.op.summary));
        }
        if (o.op.description) {
          what.appendChild(element('div', 'hint', o.op.description));
        }
        var parameters = (o.op.parameters || []).map(function (p) {
          return p.name + ' (' + p.in + (p.schema ? ', ' + schemaName(p.schema) : '')
              + (p.required ? ', ' + labels.required : '') + ')';
        });
        if (parameters.length) {
          what.appendChild(element('div', 'api-parameters', labels.parameters + ': ' + parameters.join(' · ')));
        }
        if (o.op.requestBody && o.op.requestBody.content) {
          var types = Object.keys(o.op.requestBody.content);
          what.appendChild(element('div', 'api-body', labels.body + ': ' + types.map(function (t) {
            return t + ' ' + schemaName(o.op.requestBody.content[t].schema);
          }).join(' · ')));
        }
        var security = o.op.security !== undefined ? o.op.security : (doc.security || []);
        var schemes = security.map(function (s) { return Object.keys(s).join('+'); }).filter(Boolean);
        what.appendChild(element('div', 'api-auth', labels.auth + ': '
            + (schemes.length ? schemes.join(' / ') : labels.authNone)));
        row.appendChild(what);
        table.appendChild(row);
      });
      section.appendChild(table);
      root.appendChild(section);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('api-reference');
    if (!root) {
      return;
    }
    fetch(root.dataset.document, { headers: { Accept: 'application/json' } })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('HTTP ' + answer.status);
        }
        return answer.json();
      })
      .then(function (doc) { render(root, doc); })
      .catch(function (e) {
        root.textContent = '';
        root.appendChild(element('p', 'error', root.dataset.failed + ' ' + e.message));
      });
  });
})();
