#!/usr/bin/env node
import {createRequire as __scapgateCreateRequire} from 'node:module';const require = __scapgateCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap3;
    exports2.isNode = isNode;
    exports2.isPair = isPair;
    exports2.isScalar = isScalar2;
    exports2.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines2 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines2.push(`%TAG ${handle} ${prefix}`);
        }
        return lines2.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text3, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text3;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text3.length <= endStep)
        return text3;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text3, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text3[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text3[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text3, i, indent.length);
          end = i + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text3[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text3[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text3;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text3;
      if (onFold)
        onFold();
      let res = text3.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text3.length;
        if (fold === 0)
          res = `
${indent}${text3.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text3[fold]}\\`;
          res += `
${indent}${text3.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text3, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text3[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text3[++i];
        } else {
          do {
            ch = text3[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text3[start];
        }
      }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote: singleQuote2 } = ctx.options;
      let qs;
      if (singleQuote2 === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote2 ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey;
    exports2.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines2.push(blockItemPrefix + str2);
      }
      let str;
      if (lines2.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines2[0];
        for (let i = 1; i < lines2.length; ++i) {
          const line = lines2[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines2.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines2.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines2.push(str);
        linesAtValue = lines2.length;
      }
      const { start, end } = flowChars;
      if (lines2.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines2.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines2)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines2.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines2, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines2.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports2.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports2.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines2 = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines2[i] = str.substr(o, lineWidth);
          }
          str = lines2.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign2 = str[0];
      if (sign2 === "-" || sign2 === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign2 === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign2 = str[0];
      const parts = sign2 === "-" || sign2 === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign2 === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      if (value < 0) {
        sign2 = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines2 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines2.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines2.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines2.length !== 1)
          lines2.unshift("");
        const cs = commentString(doc.commentBefore);
        lines2.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines2.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines2.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines2[lines2.length - 1] === "---") {
          lines2[lines2.length - 1] = `--- ${body}`;
        } else
          lines2.push(body);
      } else {
        lines2.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines2.push("...");
            lines2.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines2.push(`... ${cs}`);
          }
        } else {
          lines2.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines2[lines2.length - 1] !== "")
            lines2.push("");
          lines2.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines2.join("\n") + "\n";
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines2 = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines2.length;
      for (let i = lines2.length - 1; i >= 0; --i) {
        const content = lines2[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines2.length > 0 ? "\n".repeat(Math.max(1, lines2.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines2[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines2.length - 1; i >= chompStart; --i) {
        if (lines2[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines2[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines2[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines2.length; ++i)
            value += "\n" + lines2[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines2 = [line0];
      for (let i = 1; i < split2.length; i += 2)
        lines2.push([split2[i], split2[i + 1]]);
      return lines2;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports2.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field2, index] of path) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field2 = path[path.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field2, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports2.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection;
    exports2.isScalar = isScalar2;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs6 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs6, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs6);
              } else {
                Object.assign(it, { key: fs6, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs6 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs6, sep: [] });
              else if (it.sep)
                this.stack.push(fs6);
              else
                Object.assign(it, { key: fs6, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports2.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse;
    exports2.parseAllDocuments = parseAllDocuments;
    exports2.parseDocument = parseDocument2;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser2.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit.visit;
    exports2.visitAsync = visit.visitAsync;
  }
});

// packages/core/src/errors.ts
var ConfigurationError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ConfigurationError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var InvalidImageError = class extends Error {
  constructor(message, component2, options) {
    super(message, options);
    this.component = component2;
    this.name = "InvalidImageError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  component;
};
var UnsafeLayerEntryError = class extends InvalidImageError {
  constructor(message, layer, entry, options) {
    super(message, layer, options);
    this.layer = layer;
    this.entry = entry;
    this.name = "UnsafeLayerEntryError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  layer;
  entry;
};
var LimitExceededError = class extends Error {
  constructor(message, limit, options) {
    super(message, options);
    this.limit = limit;
    this.name = "LimitExceededError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  limit;
};
var ScanFailedError = class extends Error {
  constructor(message, details, options) {
    super(message, options);
    this.details = details;
    this.name = "ScanFailedError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  details;
};
var InvalidArfError = class extends Error {
  constructor(message, source, options) {
    super(message, options);
    this.source = source;
    this.name = "InvalidArfError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  source;
};
var EnvironmentError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "EnvironmentError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var CancelledError = class extends Error {
  constructor(message = "cancelled") {
    super(message);
    this.name = "CancelledError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
function getErrorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
function sanitizeForDisplay(value, max = 200) {
  const text3 = typeof value === "string" ? value : value.toString("latin1");
  const escaped = text3.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
  return escaped.length > max ? `${escaped.slice(0, max)}\u2026` : escaped;
}

// packages/core/src/results/model.ts
var ruleResultValues = [
  "pass",
  "fail",
  "error",
  "unknown",
  "notapplicable",
  "notchecked",
  "notselected",
  "informational",
  "fixed"
];
var severities = ["unknown", "info", "low", "medium", "high"];
function emptyCounts() {
  return Object.fromEntries(ruleResultValues.map((v) => [v, 0]));
}

// packages/core/src/environment/scan-environment.ts
import { tmpdir } from "node:os";

// packages/core/src/environment/scanner-overrides.ts
function readScannerOverrides(env = process.env) {
  const overrides = {};
  const oscapPath = env.SCAPGATE_OSCAP?.trim();
  const contentDir = env.SCAPGATE_CONTENT_DIR?.trim();
  if (oscapPath) overrides.oscapPath = oscapPath;
  if (contentDir) overrides.contentDir = contentDir;
  return overrides;
}

// packages/core/src/environment/scan-environment.ts
function loadEnvironment(env = process.env) {
  const overrides = readScannerOverrides(env);
  const tmp = env.TMPDIR?.trim();
  return { tmpDir: tmp === void 0 || tmp === "" ? tmpdir() : tmp, ...overrides };
}

// packages/core/src/image/docker-reference.ts
var pathComponent = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var domainPattern = new RegExp(
  `^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?$`
);
var pathPattern = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
var tagPattern = /^[\w][\w.-]{0,127}$/;
var digestPattern = /^sha256:[a-f0-9]{64}$/;
var maxNameLength = 255;
function invalid(raw, argument, problem) {
  throw new ConfigurationError(
    `Expected \`${argument}\` to be an image reference such as alpine:3.19, registry.example.com/ns/app:tag or NAME@sha256:<digest>; ${problem} in \`${sanitizeForDisplay(raw, 200)}\``
  );
}
function parseDockerReference(raw, argument = "image") {
  if (raw === "") invalid(raw, argument, "the reference is empty");
  let rest = raw;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest))
      invalid(raw, argument, "the digest is not sha256:<64 lowercase hex digits>");
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag))
      invalid(raw, argument, `the tag \`${sanitizeForDisplay(tag, 60)}\` is not valid`);
  }
  if (rest.length > maxNameLength)
    invalid(raw, argument, `the name is longer than ${maxNameLength} characters`);
  const slash4 = rest.indexOf("/");
  const first = slash4 < 0 ? "" : rest.slice(0, slash4);
  const hasDomain = slash4 >= 0 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase());
  let domain = hasDomain ? first : "docker.io";
  let repository = hasDomain ? rest.slice(slash4 + 1) : rest;
  if (hasDomain && !domainPattern.test(domain))
    invalid(
      raw,
      argument,
      `the registry \`${sanitizeForDisplay(domain, 80)}\` is not a host[:port]`
    );
  if (!pathPattern.test(repository)) {
    invalid(
      raw,
      argument,
      `the repository \`${sanitizeForDisplay(repository, 120)}\` is not lower-case path components`
    );
  }
  domain = domain.toLowerCase();
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
  if (tag === void 0 && digest === void 0) tag = "latest";
  const reference = { domain, repository };
  if (tag !== void 0) reference.tag = tag;
  if (digest !== void 0) reference.digest = digest;
  return reference;
}
function formatDockerReference(reference) {
  let text3 = `${reference.domain}/${reference.repository}`;
  if (reference.tag !== void 0) text3 += `:${reference.tag}`;
  if (reference.digest !== void 0) text3 += `@${reference.digest}`;
  return text3;
}
function registryHost(domain) {
  return domain === "docker.io" ? "registry-1.docker.io" : domain;
}

// packages/core/src/image/reference.ts
var supportedTransports = [
  "docker-archive",
  "oci-archive",
  "oci",
  "docker-daemon",
  "podman"
];
var acceptedForms = "docker-archive:PATH[:REF], oci-archive:PATH[:REF], oci:DIR[:REF], docker-daemon:NAME[:TAG], podman:NAME[:TAG] or a registry reference ([docker://]REGISTRY/NAME[:TAG][@DIGEST])";
var namedTransports = ["docker-daemon", "podman"];
var refPattern = /^[A-Za-z0-9_@][A-Za-z0-9._:@/+-]*$/;
function isTransport(value) {
  return supportedTransports.includes(value);
}
function namedReference(transport, name, raw, argument) {
  const reference = parseDockerReference(name, argument);
  return { transport, path: formatDockerReference(reference), raw };
}
function parseImageReference(raw, argument = "image") {
  const shown2 = sanitizeForDisplay(raw, 200);
  const fail2 = (problem) => {
    throw new ConfigurationError(
      `Expected \`${argument}\` to be ${acceptedForms}; ${problem} in \`${shown2}\``
    );
  };
  if (raw.startsWith("docker://")) return namedReference("registry", raw.slice(9), raw, argument);
  const colon = raw.indexOf(":");
  const transport = colon <= 0 ? "" : raw.slice(0, colon);
  if (namedTransports.includes(transport)) {
    return namedReference(transport, raw.slice(colon + 1), raw, argument);
  }
  if (!isTransport(transport)) {
    if (colon <= 0 && /\.(?:tar|tar\.gz|tgz)$/.test(raw)) {
      fail2("it looks like an archive path; write docker-archive:PATH or oci-archive:PATH");
    }
    try {
      return namedReference("registry", raw, raw, argument);
    } catch (error) {
      if (!/^[a-z][a-z0-9-]*$/.test(transport)) throw error;
    }
    return fail2(
      `unknown transport \`${sanitizeForDisplay(transport, 40)}\` (supported: ${supportedTransports.join(", ")})`
    );
  }
  const rest = raw.slice(colon + 1);
  const second = rest.indexOf(":");
  const path = second < 0 ? rest : rest.slice(0, second);
  const ref = second < 0 ? void 0 : rest.slice(second + 1);
  if (path === "") fail2("the path is empty");
  if (/[\u0000-\u001f\u007f]/.test(path)) fail2("the path contains control characters");
  if (ref !== void 0 && (ref.length > 255 || !refPattern.test(ref))) {
    fail2(`REF \`${sanitizeForDisplay(ref, 60)}\` is not a tag, ref name or @N index`);
  }
  return ref === void 0 ? { transport, path, raw } : { transport, path, ref, raw };
}

// packages/core/src/image/platform.ts
var defaultPlatform = { os: "linux", architecture: "amd64" };
var component = /^[a-z0-9][a-z0-9._-]*$/;
function parsePlatform(raw, argument = "platform") {
  const parts = raw.trim().toLowerCase().split("/");
  const valid = parts.length >= 2 && parts.length <= 3 && parts.every((p) => component.test(p));
  if (!valid) {
    throw new ConfigurationError(
      `Expected \`${argument}\` to be os/architecture[/variant] such as linux/amd64 or linux/arm64/v8, got \`${sanitizeForDisplay(raw, 100)}\``
    );
  }
  const [os = "", architecture = "", variant] = parts;
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}
function formatPlatform(platform) {
  const base = `${platform.os}/${platform.architecture}`;
  return platform.variant ? `${base}/${platform.variant}` : base;
}
var architectureAliases = {
  x86_64: "amd64",
  "x86-64": "amd64",
  aarch64: "arm64",
  armhf: "arm",
  armel: "arm",
  i386: "386"
};
function normalizePlatform(platform) {
  const os = platform.os.toLowerCase();
  const architecture = architectureAliases[platform.architecture.toLowerCase()] ?? platform.architecture.toLowerCase();
  let variant = platform.variant?.toLowerCase() || void 0;
  if (architecture === "arm64" && variant === void 0) variant = "v8";
  if (architecture === "arm" && variant === void 0) variant = "v7";
  if (platform.architecture.toLowerCase() === "armel" && platform.variant === void 0)
    variant = "v6";
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}
function platformMatches(wanted, offered) {
  const w = normalizePlatform(wanted);
  const o = normalizePlatform(offered);
  if (w.os !== o.os || w.architecture !== o.architecture) return false;
  return w.variant === void 0 || w.variant === o.variant;
}

// packages/core/src/image/open-image.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { createReadStream as createReadStream2, createWriteStream as createWriteStream2 } from "node:fs";
import { mkdir as mkdir2, open as open6, rm as rm3, stat as stat2 } from "node:fs/promises";
import { join as join5 } from "node:path";

// packages/core/src/image/byte-limit.ts
import { Transform } from "node:stream";
function byteLimit(limit, label, what) {
  let seen = 0;
  return new Transform({
    transform(chunk, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit)
        callback(
          new LimitExceededError(`${label}: ${what} exceeds ${limit} bytes`, "archive-bytes")
        );
      else callback(null, chunk);
    }
  });
}

// packages/core/src/image/open-image.ts
import { pipeline as pipeline3 } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// packages/core/src/image/blob-source.ts
import { constants, createReadStream } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { Readable } from "node:stream";
var readFlags = constants.O_RDONLY;
var noFollowFlags = constants.O_RDONLY | constants.O_NOFOLLOW;
function openLocation(location) {
  if (location.size === 0) return Readable.from([]);
  return createReadStream(location.file, {
    start: location.start,
    end: location.start + location.size - 1,
    // fs.open takes numeric flags; @types/node only declares strings for createReadStream.
    flags: location.noFollow ? noFollowFlags : readFlags
  });
}
async function readLocation(location, cap2, what) {
  if (location.size > cap2) {
    throw new LimitExceededError(
      `${what} is ${location.size} bytes; the limit is ${cap2} bytes`,
      what
    );
  }
  const handle = await open(location.file, location.noFollow ? noFollowFlags : readFlags);
  try {
    const data = Buffer.alloc(location.size);
    const { bytesRead } = await handle.read(data, 0, location.size, location.start);
    if (bytesRead !== location.size) throw new InvalidImageError(`${what} is truncated`, what);
    return data;
  } finally {
    await handle.close();
  }
}
async function requireLocation(source, member, what) {
  const location = await source.locate(member);
  if (!location) {
    throw new InvalidImageError(
      `${source.label}: ${what} \`${sanitizeForDisplay(member)}\` is missing`,
      member
    );
  }
  return location;
}
var DirectorySource = class _DirectorySource {
  constructor(root, label) {
    this.root = root;
    this.label = label;
  }
  root;
  label;
  static async open(dir, label) {
    let root;
    try {
      root = await realpath(dir);
    } catch (error) {
      throw new InvalidImageError(
        `${label}: cannot open the layout directory: ${error.message}`,
        dir,
        { cause: error }
      );
    }
    const info = await lstat(root);
    if (!info.isDirectory())
      throw new InvalidImageError(`${label}: \`${dir}\` is not a directory`, dir);
    return new _DirectorySource(root, label);
  }
  async locate(member) {
    const file = join(this.root, ...member.split("/"));
    const info = await lstat(file).catch((error) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return void 0;
      throw error;
    });
    if (!info) return void 0;
    const shown2 = sanitizeForDisplay(member);
    if (info.isSymbolicLink()) {
      throw new InvalidImageError(
        `${this.label}: \`${shown2}\` is a symlink; layout files must be regular files inside the layout`,
        member
      );
    }
    if (!info.isFile())
      throw new InvalidImageError(`${this.label}: \`${shown2}\` is not a regular file`, member);
    const real = await realpath(file);
    const inside = relative(this.root, real);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      throw new InvalidImageError(
        `${this.label}: \`${shown2}\` resolves outside the layout directory`,
        member
      );
    }
    return { file: real, start: 0, size: info.size, noFollow: true };
  }
};

// packages/core/src/image/daemon/docker-daemon.ts
import { createWriteStream } from "node:fs";
import http from "node:http";
import { pipeline } from "node:stream/promises";
var defaultDockerHost = "unix:///var/run/docker.sock";
var maxExportBytes = 64 * 1024 ** 3;
var maxErrorBytes = 64 * 1024;
function dockerSocketPath(dockerHost) {
  const host = dockerHost === void 0 || dockerHost === "" ? defaultDockerHost : dockerHost;
  if (!host.startsWith("unix://") || host.length <= "unix://".length) {
    throw new ConfigurationError(
      `Expected \`DOCKER_HOST\` to be unix:///path/to/docker.sock (tcp:// and ssh:// are not supported), got \`${sanitizeForDisplay(host, 120)}\``
    );
  }
  return host.slice("unix://".length);
}
function get(socketPath, path, signal) {
  return new Promise((resolve11, reject) => {
    const request = http.request({
      socketPath,
      path,
      method: "GET",
      signal,
      headers: { host: "docker" }
    });
    request.on("response", resolve11);
    request.on("error", reject);
    request.end();
  });
}
async function daemonMessage(response) {
  let text3 = "";
  for await (const chunk of response) {
    text3 += chunk.toString("utf8");
    if (text3.length > maxErrorBytes) break;
  }
  try {
    const json = JSON.parse(text3);
    return typeof json.message === "string" ? `: ${sanitizeForDisplay(json.message, 200)}` : "";
  } catch {
    return "";
  }
}
async function exportFromDaemon(name, target, options) {
  const socketPath = dockerSocketPath(options.dockerHost);
  let response;
  try {
    response = await get(socketPath, `/images/${encodeURIComponent(name)}/get`, options.signal);
  } catch (error) {
    options.signal?.throwIfAborted();
    throw new EnvironmentError(
      `${options.label}: cannot reach the Docker daemon at unix://${socketPath} (${error.code ?? getErrorMessage(error)}); is it running, and is DOCKER_HOST right?`,
      { cause: error }
    );
  }
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    const detail = await daemonMessage(response);
    throw new InvalidImageError(
      status === 404 ? `${options.label}: the daemon has no image ${sanitizeForDisplay(name)}${detail}` : `${options.label}: the daemon refused the export (${status})${detail}`,
      name
    );
  }
  try {
    await pipeline(
      response,
      byteLimit(maxExportBytes, options.label, "the export"),
      createWriteStream(target, { flags: "wx", mode: 384 }),
      { signal: options.signal }
    );
  } catch (error) {
    if (error instanceof LimitExceededError || options.signal?.aborted) throw error;
    throw new InvalidImageError(
      `${options.label}: the export from the daemon broke off: ${getErrorMessage(error)}`,
      name,
      { cause: error }
    );
  }
}

// packages/core/src/image/daemon/podman-store.ts
import { execFile } from "node:child_process";
async function saveFromPodman(name, target, options) {
  const podman = options.podmanPath ?? "podman";
  const args = ["image", "save", "--format", "oci-archive", "--output", target, "--", name];
  await new Promise((resolve11, reject) => {
    execFile(
      podman,
      args,
      {
        env: options.env ?? { PATH: "/usr/local/bin:/usr/bin:/bin" },
        signal: options.signal,
        maxBuffer: 1024 * 1024,
        encoding: "utf8"
      },
      (error, _stdout, stderr) => {
        if (!error) return resolve11();
        if (options.signal?.aborted) return reject(options.signal.reason);
        const code = error.code;
        if (code === "ENOENT" || code === "EACCES") {
          return reject(
            new EnvironmentError(`${options.label}: cannot run podman (${podman}): ${code}`, {
              cause: error
            })
          );
        }
        const detail = sanitizeForDisplay(stderr.trim().split("\n").pop() ?? "", 300);
        reject(
          new InvalidImageError(
            /image not known|no such image|not found|unable to find/i.test(stderr) ? `${options.label}: podman's store has no image ${sanitizeForDisplay(name)} (${detail})` : `${options.label}: podman image save failed: ${detail}`,
            name,
            { cause: error }
          )
        );
      }
    );
  });
}

// packages/core/src/image/digest.ts
import { createHash } from "node:crypto";
var digestPattern2 = /^sha256:[a-f0-9]{64}$/;
function isDigest(value) {
  return typeof value === "string" && digestPattern2.test(value);
}
function checkDigest(value, what) {
  if (isDigest(value)) return value;
  const found = typeof value === "string" ? `\`${sanitizeForDisplay(value, 100)}\`` : typeof value;
  throw new InvalidImageError(
    `${what}: expected a digest of the form sha256:<64 lowercase hex digits>, found ${found}`,
    what
  );
}
function sha256Digest(data) {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}
function blobPath(digest) {
  return `blobs/sha256/${digest.slice("sha256:".length)}`;
}
function shortDigest(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}

// packages/core/src/image/descriptor.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeValue(value) {
  if (typeof value === "string") return `\`${sanitizeForDisplay(value, 80)}\``;
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value;
}
function stringMap(value, what) {
  if (value === void 0 || value === null) return {};
  if (!isRecord(value))
    throw new InvalidImageError(
      `${what}: expected an object of strings, found ${describeValue(value)}`,
      what
    );
  const result = /* @__PURE__ */ Object.create(null);
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") {
      throw new InvalidImageError(
        `${what}: \`${sanitizeForDisplay(key, 80)}\` should be a string, found ${describeValue(entry)}`,
        what
      );
    }
    result[key] = entry;
  }
  return result;
}
function parsePlatformField(value, what) {
  if (value === void 0 || value === null) return void 0;
  if (!isRecord(value) || typeof value.os !== "string" || typeof value.architecture !== "string") {
    throw new InvalidImageError(`${what}: platform needs string \`os\` and \`architecture\``, what);
  }
  const variant = typeof value.variant === "string" && value.variant !== "" ? value.variant : void 0;
  return variant === void 0 ? { os: value.os, architecture: value.architecture } : { os: value.os, architecture: value.architecture, variant };
}
function parseDescriptor(value, what) {
  if (!isRecord(value))
    throw new InvalidImageError(
      `${what}: expected a descriptor object, found ${describeValue(value)}`,
      what
    );
  if (typeof value.mediaType !== "string" || value.mediaType === "") {
    throw new InvalidImageError(
      `${what}: descriptor \`mediaType\` should be a string, found ${describeValue(value.mediaType)}`,
      what
    );
  }
  const digest = checkDigest(value.digest, `${what} digest`);
  const size = value.size;
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    throw new InvalidImageError(
      `${what}: descriptor \`size\` should be a non-negative integer, found ${describeValue(size)}`,
      what
    );
  }
  const platform = parsePlatformField(value.platform, what);
  const annotations2 = stringMap(value.annotations, `${what} annotations`);
  const descriptor = { mediaType: value.mediaType, digest, size, annotations: annotations2 };
  if (platform) descriptor.platform = platform;
  return descriptor;
}
function parseJson(data, what) {
  try {
    return JSON.parse(data.toString("utf8"));
  } catch (error) {
    throw new InvalidImageError(`${what} is not valid JSON: ${error.message}`, what, {
      cause: error
    });
  }
}

// packages/core/src/image/config.ts
function optionalString(value, what) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string")
    throw new InvalidImageError(`${what}: expected a string, found ${describeValue(value)}`, what);
  return value;
}
function parseEnv(value, what) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new InvalidImageError(
      `${what}: expected an array of VAR=value strings, found ${describeValue(value)}`,
      what
    );
  }
  return value;
}
function parseHistory(value, what) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value))
    throw new InvalidImageError(`${what}: expected an array, found ${describeValue(value)}`, what);
  return value.map((entry, i) => {
    const where = `${what}[${i}]`;
    if (!isRecord(entry))
      throw new InvalidImageError(
        `${where}: expected an object, found ${describeValue(entry)}`,
        where
      );
    const item = { emptyLayer: entry.empty_layer === true };
    const createdBy = optionalString(entry.created_by, `${where}.created_by`);
    const created = optionalString(entry.created, `${where}.created`);
    const comment = optionalString(entry.comment, `${where}.comment`);
    if (createdBy !== void 0) item.createdBy = createdBy;
    if (created !== void 0) item.created = created;
    if (comment !== void 0) item.comment = comment;
    return item;
  });
}
function parseImageConfig(data, what) {
  const json = parseJson(data, what);
  if (!isRecord(json))
    throw new InvalidImageError(
      `${what}: expected a JSON object, found ${describeValue(json)}`,
      what
    );
  if (typeof json.os !== "string" || typeof json.architecture !== "string") {
    throw new InvalidImageError(
      `${what}: \`os\` and \`architecture\` must be strings, found ${describeValue(json.os)} and ${describeValue(json.architecture)}`,
      what
    );
  }
  const rootfs = json.rootfs;
  if (!isRecord(rootfs) || rootfs.type !== "layers" || !Array.isArray(rootfs.diff_ids)) {
    throw new InvalidImageError(
      `${what}: expected \`rootfs\` to be {type: "layers", diff_ids: [...]}`,
      what
    );
  }
  const diffIds = rootfs.diff_ids.map((id, i) => checkDigest(id, `${what} rootfs.diff_ids[${i}]`));
  const inner = json.config ?? null;
  if (inner !== null && !isRecord(inner))
    throw new InvalidImageError(
      `${what}: \`config\` should be an object, found ${describeValue(inner)}`,
      what
    );
  const config = {
    os: json.os,
    architecture: json.architecture,
    env: parseEnv(inner?.Env, `${what} config.Env`),
    history: parseHistory(json.history, `${what} history`),
    diffIds,
    labels: stringMap(inner?.Labels, `${what} config.Labels`)
  };
  const variant = optionalString(json.variant, `${what} variant`);
  if (variant) config.variant = variant;
  return config;
}

// packages/core/src/image/media-types.ts
var mediaTypes = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  /** What intake reports for uncompressed docker-archive layers, which carry no media type. */
  dockerLayerTar: "application/vnd.docker.image.rootfs.diff.tar",
  dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip"
};
var indexMediaTypes = [mediaTypes.ociIndex, mediaTypes.dockerList];
var manifestMediaTypes = [
  mediaTypes.ociManifest,
  mediaTypes.dockerManifest
];
var configMediaTypes = [mediaTypes.ociConfig, mediaTypes.dockerConfig];
var schema1MediaTypes = [
  "application/vnd.docker.distribution.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v1+prettyjws"
];
var layerMediaTypes = /* @__PURE__ */ new Map([
  ["application/vnd.oci.image.layer.v1.tar", "none"],
  ["application/vnd.oci.image.layer.v1.tar+gzip", "gzip"],
  ["application/vnd.oci.image.layer.v1.tar+zstd", "zstd"],
  ["application/vnd.oci.image.layer.nondistributable.v1.tar", "none"],
  ["application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", "gzip"],
  ["application/vnd.oci.image.layer.nondistributable.v1.tar+zstd", "zstd"],
  [mediaTypes.dockerLayerGzip, "gzip"],
  ["application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", "gzip"]
]);

// packages/core/src/image/manifest.ts
function shown(mediaType) {
  return `\`${sanitizeForDisplay(mediaType, 120)}\``;
}
function descriptors(value, what) {
  if (value === null || value === void 0) return [];
  if (!Array.isArray(value))
    throw new InvalidImageError(`${what}: expected an array, found ${describeValue(value)}`, what);
  return value.map((entry, i) => parseDescriptor(entry, `${what}[${i}]`));
}
function parseManifestDocument(data, expected, what) {
  const json = parseJson(data, what);
  if (!isRecord(json))
    throw new InvalidImageError(
      `${what}: expected a JSON object, found ${describeValue(json)}`,
      what
    );
  const embedded = typeof json.mediaType === "string" ? json.mediaType : void 0;
  for (const type of [expected, embedded]) {
    if (type !== void 0 && schema1MediaTypes.includes(type)) {
      throw new InvalidImageError(
        `${what} has media type ${shown(type)}: Docker schema1 images are not supported; convert the image with a current docker or skopeo`,
        what
      );
    }
  }
  if (json.schemaVersion === 1) {
    throw new InvalidImageError(
      `${what} is a Docker schema1 manifest (schemaVersion 1), which is not supported; convert the image with a current docker or skopeo`,
      what
    );
  }
  if (json.schemaVersion !== 2) {
    throw new InvalidImageError(
      `${what}: expected schemaVersion 2, found ${describeValue(json.schemaVersion)}`,
      what
    );
  }
  if ("manifests" in json && ("layers" in json || "config" in json)) {
    throw new InvalidImageError(
      `${what} has both \`manifests\` and \`layers\`/\`config\`; refusing an ambiguous document (CVE-2021-41190)`,
      what
    );
  }
  if (expected !== void 0 && embedded !== void 0 && expected !== embedded) {
    throw new InvalidImageError(
      `${what}: the descriptor says media type ${shown(expected)} but the document says ${shown(embedded)}`,
      what
    );
  }
  const mediaType = embedded ?? expected ?? ("manifests" in json ? indexMediaTypes[0] : manifestMediaTypes[0]) ?? "";
  if (indexMediaTypes.includes(mediaType)) {
    if ("layers" in json || "config" in json)
      throw new InvalidImageError(`${what}: an index must not have \`layers\` or \`config\``, what);
    return { kind: "index", mediaType, manifests: descriptors(json.manifests, `${what} manifests`) };
  }
  if (!manifestMediaTypes.includes(mediaType)) {
    throw new InvalidImageError(
      `${what} has media type ${shown(mediaType)}, which is not a container image manifest or index`,
      what
    );
  }
  if ("manifests" in json)
    throw new InvalidImageError(`${what}: an image manifest must not have \`manifests\``, what);
  const config = parseDescriptor(json.config, `${what} config`);
  if (!configMediaTypes.includes(config.mediaType)) {
    throw new InvalidImageError(
      `${what} is not a container image: its config has media type ${shown(config.mediaType)} (an OCI artifact?)`,
      what
    );
  }
  const layers = descriptors(json.layers, `${what} layers`);
  layers.forEach((layer, i) => {
    if (!layerMediaTypes.has(layer.mediaType)) {
      throw new InvalidImageError(
        `${what}: layer ${i} has unsupported media type ${shown(layer.mediaType)}`,
        what
      );
    }
  });
  return { kind: "manifest", mediaType, config, layers };
}

// packages/core/src/image/names.ts
var refNameAnnotation = "org.opencontainers.image.ref.name";
var containerdNameAnnotation = "io.containerd.image.name";
function normalizeImageName(name) {
  let full = name;
  const slash4 = full.indexOf("/");
  const first = slash4 < 0 ? "" : full.slice(0, slash4);
  if (slash4 < 0) full = `docker.io/library/${full}`;
  else if (!first.includes(".") && !first.includes(":") && first !== "localhost")
    full = `docker.io/${full}`;
  const last = full.slice(full.lastIndexOf("/") + 1);
  if (!last.includes(":") && !last.includes("@")) full = `${full}:latest`;
  return full;
}
function nameMatches(recorded, wanted) {
  if (recorded === wanted) return true;
  return normalizeImageName(recorded) === normalizeImageName(wanted);
}
function parseSourceIndex(ref) {
  const match = /^@(\d{1,6})$/.exec(ref);
  return match ? Number(match[1]) : void 0;
}

// packages/core/src/image/verify.ts
import { createHash as createHash2 } from "node:crypto";
function detectCompression(head) {
  if (head[0] === 31 && head[1] === 139) return "gzip";
  if (head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253) return "zstd";
  return "none";
}
async function hashLocation(location, signal) {
  const hash = createHash2("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  const stream = openLocation(location);
  const abort = () => {
    stream.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
  };
  signal?.addEventListener("abort", abort, { once: true });
  try {
    for await (const chunk of stream) {
      const buf = chunk;
      if (head.length < 4) head = Buffer.concat([head, buf.subarray(0, 4)]);
      hash.update(buf);
      size += buf.length;
    }
  } finally {
    signal?.removeEventListener("abort", abort);
  }
  signal?.throwIfAborted();
  return { digest: `sha256:${hash.digest("hex")}`, size, compression: detectCompression(head) };
}
async function readVerified(location, expected, cap2, what) {
  if (expected.size !== void 0 && location.size !== expected.size) {
    throw new InvalidImageError(
      `${what}: expected ${expected.size} bytes, found ${location.size}`,
      expected.digest
    );
  }
  const data = await readLocation(location, cap2, what);
  const found = sha256Digest(data);
  if (found !== expected.digest) {
    throw new InvalidImageError(
      `${what}: expected ${expected.digest}, found ${found}`,
      expected.digest
    );
  }
  return data;
}

// packages/core/src/image/oci-layout.ts
var maxDocumentBytes = 4 * 1024 * 1024;
var maxIndexDepth = 8;
async function readLayoutIndex(source) {
  const layoutFile = await requireLocation(source, "oci-layout", "layout marker");
  const layout = parseJson(
    await readLocation(layoutFile, 64 * 1024, "oci-layout"),
    `${source.label}: oci-layout`
  );
  const version = isRecord(layout) ? layout.imageLayoutVersion : void 0;
  if (version !== "1.0.0") {
    throw new InvalidImageError(
      `${source.label}: oci-layout: expected imageLayoutVersion 1.0.0, found ${describeValue(version)}`,
      "oci-layout"
    );
  }
  const indexFile = await requireLocation(source, "index.json", "layout index");
  const what = `${source.label}: index.json`;
  const document = parseManifestDocument(
    await readLocation(indexFile, maxDocumentBytes, what),
    void 0,
    what
  );
  if (document.kind !== "index")
    throw new InvalidImageError(`${what} is not an image index`, "index.json");
  return document;
}
function namesOf(descriptor) {
  const names = [
    descriptor.annotations[containerdNameAnnotation],
    descriptor.annotations[refNameAnnotation]
  ];
  return names.filter((n) => n !== void 0 && n !== "");
}
function selectByRef(index, ref, label) {
  const entries = index.manifests;
  if (entries.length === 0)
    throw new InvalidImageError(`${label}: index.json lists no images`, "index.json");
  if (ref !== void 0) {
    const position = parseSourceIndex(ref);
    const picked = position === void 0 ? entries.filter((e) => namesOf(e).some((n) => nameMatches(n, ref))) : entries.slice(position, position + 1);
    if (picked.length > 0) return picked;
    const known = [...new Set(entries.flatMap(namesOf))];
    throw new InvalidImageError(
      `${label}: no image named \`${sanitizeForDisplay(ref)}\`; the layout has ${known.length > 0 ? known.join(", ") : "no named images"} (${entries.length} entries, @0\u2026@${entries.length - 1})`,
      "index.json"
    );
  }
  const names = new Set(
    entries.map(
      (e) => e.annotations[refNameAnnotation] ?? e.annotations[containerdNameAnnotation] ?? ""
    )
  );
  if (names.size > 1) {
    const listed2 = [...names].map((n) => n === "" ? "(unnamed)" : n).join(", ");
    throw new InvalidImageError(
      `${label} holds several images (${listed2}); add :REF to pick one`,
      "index.json"
    );
  }
  return entries;
}
function isAttestation(descriptor) {
  const p = descriptor.platform;
  return descriptor.annotations["vnd.docker.reference.type"] === "attestation-manifest" || p?.os === "unknown" && p.architecture === "unknown";
}
async function collectManifests(source, entries, ancestors = []) {
  const found = [];
  const skipped2 = [];
  for (const entry of entries) {
    if (isAttestation(entry)) continue;
    if (manifestMediaTypes.includes(entry.mediaType)) {
      found.push(entry);
    } else if (indexMediaTypes.includes(entry.mediaType)) {
      const what = `index ${shortDigest(entry.digest)} of ${source.label}`;
      if (ancestors.includes(entry.digest))
        throw new InvalidImageError(
          `${what} refers to itself through nested indexes (a cycle)`,
          entry.digest
        );
      if (ancestors.length >= maxIndexDepth)
        throw new InvalidImageError(
          `${what}: indexes nest more than ${maxIndexDepth} levels deep`,
          entry.digest
        );
      const location = await requireLocation(source, blobPath(entry.digest), "blob");
      const document = parseManifestDocument(
        await readVerified(location, entry, maxDocumentBytes, what),
        entry.mediaType,
        what
      );
      if (document.kind !== "index")
        throw new InvalidImageError(`${what} is not an index`, entry.digest);
      found.push(
        ...await collectManifests(source, document.manifests, [...ancestors, entry.digest])
      );
    } else if (schema1MediaTypes.includes(entry.mediaType)) {
      throw new InvalidImageError(
        `${source.label}: manifest ${shortDigest(entry.digest)} has media type \`${entry.mediaType}\`: Docker schema1 images are not supported; convert the image with a current docker or skopeo`,
        entry.digest
      );
    } else {
      skipped2.push(entry.mediaType);
    }
  }
  if (ancestors.length === 0 && found.length === 0) {
    const types = [...new Set(skipped2)].map((t) => `\`${sanitizeForDisplay(t, 100)}\``);
    throw new InvalidImageError(
      `${source.label} has no container image manifests${types.length > 0 ? ` (found ${types.join(", ")})` : ""}`,
      "index.json"
    );
  }
  return found;
}
function selectPlatform(manifests, wanted, label) {
  const only = manifests[0];
  if (manifests.length === 1 && only && (!only.platform || !wanted)) return only;
  const target = wanted ?? defaultPlatform;
  const matching = manifests.filter((m) => m.platform && platformMatches(target, m.platform));
  const exact = matching.find(
    (m) => m.platform && normalizePlatform(m.platform).variant === normalizePlatform(target).variant
  );
  const chosen = exact ?? matching[0];
  if (chosen) return chosen;
  const offered = manifests.map((m) => m.platform ? formatPlatform(m.platform) : "unspecified");
  throw new InvalidImageError(
    `${label} has no image for platform ${formatPlatform(target)}; it has ${offered.length > 0 ? [...new Set(offered)].join(", ") : "no images"}`,
    "platform"
  );
}
async function readManifest(source, descriptor) {
  const what = `manifest ${shortDigest(descriptor.digest)} of ${source.label}`;
  const location = await requireLocation(source, blobPath(descriptor.digest), "manifest blob");
  const document = parseManifestDocument(
    await readVerified(location, descriptor, maxDocumentBytes, what),
    descriptor.mediaType,
    what
  );
  if (document.kind !== "manifest")
    throw new InvalidImageError(`${what} is not an image manifest`, descriptor.digest);
  return document;
}

// packages/core/src/image/verify-layers.ts
import { createHash as createHash3 } from "node:crypto";
import { open as open2 } from "node:fs/promises";
import { Transform as Transform2, pipeline as pipeline2 } from "node:stream";
async function sniffCompression(location) {
  if (location.size === 0) return "none";
  const handle = await open2(location.file, "r");
  try {
    const head = Buffer.alloc(Math.min(4, location.size));
    const { bytesRead } = await handle.read(head, 0, head.length, location.start);
    return detectCompression(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
function verifyingStream(location, expected, what) {
  const hash = createHash3("sha256");
  let size = 0;
  const check2 = new Transform2({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      if (size !== expected.size) {
        return callback(
          new InvalidImageError(
            `${what}: expected ${expected.size} bytes, found ${size}`,
            expected.digest
          )
        );
      }
      const found = `sha256:${hash.digest("hex")}`;
      if (found !== expected.digest) {
        return callback(
          new InvalidImageError(
            `${what}: expected ${expected.digest}, found ${found}`,
            expected.digest
          )
        );
      }
      callback();
    }
  });
  return pipeline2(openLocation(location), check2, () => {
  });
}
async function verifyLayers(plans, label, signal) {
  const layers = [];
  for (const [index, plan] of plans.entries()) {
    signal?.throwIfAborted();
    const { location, descriptor } = plan;
    const claimed = descriptor?.digest ?? plan.namedDigest ?? plan.diffId;
    const what = `layer ${index} (${shortDigest(claimed)}) of ${label}`;
    if (descriptor && descriptor.size !== location.size) {
      throw new InvalidImageError(
        `${what}: expected ${descriptor.size} bytes, found ${location.size}`,
        claimed
      );
    }
    const compression = await sniffCompression(location);
    let digest = descriptor?.digest ?? plan.namedDigest ?? (compression === "none" ? plan.diffId : void 0);
    if (digest === void 0) digest = (await hashLocation(location, signal)).digest;
    if (!descriptor && plan.namedDigest && compression === "none" && plan.namedDigest !== plan.diffId) {
      throw new InvalidImageError(
        `${what}: the uncompressed layer should equal diff_id ${plan.diffId}, but it is named ${plan.namedDigest}`,
        claimed
      );
    }
    let mediaType;
    if (descriptor) {
      mediaType = descriptor.mediaType;
      const declared = layerMediaTypes.get(mediaType);
      const tolerated = mediaType === mediaTypes.dockerLayerGzip && compression === "none";
      if (declared !== compression && !tolerated) {
        throw new InvalidImageError(
          `${what}: media type \`${mediaType}\` says ${declared ?? "unknown"} but the blob is ${compression === "none" ? "not compressed" : compression}`,
          claimed
        );
      }
    } else {
      mediaType = compression === "gzip" ? mediaTypes.dockerLayerGzip : compression === "zstd" ? "application/vnd.oci.image.layer.v1.tar+zstd" : mediaTypes.dockerLayerTar;
    }
    const expected = { digest, size: location.size };
    const appliedCheckSuffices = compression === "none" && digest === plan.diffId;
    layers.push({
      index,
      digest,
      diffId: plan.diffId,
      mediaType,
      size: location.size,
      compression,
      open: appliedCheckSuffices ? () => openLocation(location) : () => verifyingStream(location, expected, what)
    });
  }
  return layers;
}
async function verifyLayerBlobs(layers, label, signal) {
  for (const layer of layers) {
    const hash = createHash3("sha256");
    for await (const chunk of layer.open()) {
      signal?.throwIfAborted();
      hash.update(chunk);
    }
    const found = `sha256:${hash.digest("hex")}`;
    if (layer.compression === "none" && layer.digest === layer.diffId && found !== layer.diffId) {
      throw new InvalidImageError(
        `layer ${layer.index} (${shortDigest(layer.digest)}) of ${label}: expected ${layer.diffId}, found ${found}`,
        layer.digest
      );
    }
  }
}

// packages/core/src/image/manifest-image.ts
function checkLayerCount(config, layerCount, label) {
  if (config.diffIds.length !== layerCount) {
    throw new InvalidImageError(
      `${label}: the config lists ${config.diffIds.length} diff_ids but the manifest has ${layerCount} layers`,
      "rootfs.diff_ids"
    );
  }
}
async function loadManifestImage(source, manifest, manifestDigest, signal) {
  const configDescriptor = manifest.config;
  const what = `config ${shortDigest(configDescriptor.digest)} of ${source.label}`;
  const configLocation = await requireLocation(
    source,
    blobPath(configDescriptor.digest),
    "config blob"
  );
  const config = parseImageConfig(
    await readVerified(configLocation, configDescriptor, maxDocumentBytes, what),
    what
  );
  checkLayerCount(config, manifest.layers.length, source.label);
  const plans = [];
  for (const [i, layer] of manifest.layers.entries()) {
    const location = await requireLocation(source, blobPath(layer.digest), `layer ${i} blob`);
    plans.push({ location, diffId: config.diffIds[i] ?? "", descriptor: layer });
  }
  const layers = await verifyLayers(plans, source.label, signal);
  const parts = { configDigest: configDescriptor.digest, config, layers };
  if (manifestDigest) parts.manifestDigest = manifestDigest;
  return parts;
}

// packages/core/src/image/member-path.ts
import { posix } from "node:path";
function cleanMemberName(name) {
  if (name === "" || name.includes("\0")) return void 0;
  const cleaned = posix.normalize(name).replace(/\/+$/, "");
  if (cleaned === "" || cleaned === "." || cleaned.startsWith("/")) return void 0;
  if (cleaned === ".." || cleaned.startsWith("../")) return void 0;
  return cleaned;
}
function checkMemberReference(value, what) {
  const bad2 = (problem) => {
    throw new InvalidImageError(`${what}: ${problem}`, what);
  };
  if (typeof value !== "string" || value === "")
    return bad2(
      `expected a relative path in the archive, found ${typeof value === "string" ? "an empty string" : typeof value}`
    );
  const shown2 = sanitizeForDisplay(value, 120);
  if (value.includes("\0")) bad2(`path \`${shown2}\` contains NUL`);
  if (value.startsWith("/"))
    bad2(`path \`${shown2}\` is absolute; only paths inside the archive are allowed`);
  if (value.split("/").includes(".."))
    bad2(`path \`${shown2}\` contains \`..\`; only paths inside the archive are allowed`);
  const cleaned = cleanMemberName(value);
  if (cleaned === void 0) return bad2(`path \`${shown2}\` does not name an archive member`);
  return cleaned;
}

// packages/core/src/image/docker-archive.ts
var maxDockerManifestBytes = 1024 * 1024;
var namedBlob = /^(?:blobs\/sha256\/)?([a-f0-9]{64})(?:\.json)?$/;
function parseEntries(data, label) {
  const what = `${label}: manifest.json`;
  const json = parseJson(data, what);
  if (!Array.isArray(json))
    throw new InvalidImageError(
      `${what}: expected an array, found ${describeValue(json)}`,
      "manifest.json"
    );
  return json.map((entry, i) => {
    const where = `${what}[${i}]`;
    if (!isRecord(entry))
      throw new InvalidImageError(
        `${where}: expected an object, found ${describeValue(entry)}`,
        "manifest.json"
      );
    const tags = entry.RepoTags ?? [];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) {
      throw new InvalidImageError(
        `${where}.RepoTags: expected an array of strings, found ${describeValue(tags)}`,
        "manifest.json"
      );
    }
    const layers = entry.Layers ?? [];
    if (!Array.isArray(layers))
      throw new InvalidImageError(
        `${where}.Layers: expected an array, found ${describeValue(layers)}`,
        "manifest.json"
      );
    return {
      config: checkMemberReference(entry.Config, `${where}.Config`),
      repoTags: tags,
      layers: layers.map(
        (layer, j) => checkMemberReference(layer, `${where}.Layers[${j}]`)
      )
    };
  });
}
function selectEntry(entries, ref, label) {
  const listed2 = () => entries.map((e, i) => e.repoTags.length > 0 ? e.repoTags.join(", ") : `@${i} (untagged)`).join("; ");
  if (ref === void 0) {
    const [only] = entries;
    if (entries.length === 1 && only) return only;
    if (entries.length === 0)
      throw new InvalidImageError(`${label}: manifest.json lists no images`, "manifest.json");
    throw new InvalidImageError(
      `${label} holds ${entries.length} images (${listed2()}); add :REF to pick one`,
      "manifest.json"
    );
  }
  const position = parseSourceIndex(ref);
  const found = position === void 0 ? entries.find((e) => e.repoTags.some((t) => nameMatches(t, ref))) : entries[position];
  if (!found)
    throw new InvalidImageError(
      `${label}: no image \`${sanitizeForDisplay(ref)}\`; the archive has ${listed2()}`,
      "manifest.json"
    );
  return found;
}
async function fromEmbeddedLayout(source, configDigest, signal) {
  if (!await source.locate("oci-layout") || !await source.locate("index.json")) return void 0;
  const index = await readLayoutIndex(source);
  const manifests = await collectManifests(source, index.manifests).catch(() => []);
  for (const descriptor of manifests) {
    if (!await source.locate(`blobs/sha256/${descriptor.digest.slice(7)}`)) continue;
    const manifest = await readManifest(source, descriptor);
    if (manifest.config.digest === configDigest)
      return loadManifestImage(source, manifest, descriptor.digest, signal);
  }
  return void 0;
}
async function loadDockerArchive(source, ref, signal) {
  const label = source.label;
  const manifestFile = await requireLocation(source, "manifest.json", "docker-archive index");
  const entries = parseEntries(
    await readLocation(manifestFile, maxDockerManifestBytes, `${label}: manifest.json`),
    label
  );
  const entry = selectEntry(entries, ref, label);
  const configLocation = await requireLocation(source, entry.config, "config");
  const configBytes = await readLocation(
    configLocation,
    maxDocumentBytes,
    `${label}: config ${entry.config}`
  );
  const configDigest = sha256Digest(configBytes);
  const claimed = namedBlob.exec(entry.config)?.[1];
  if (claimed !== void 0 && `sha256:${claimed}` !== configDigest) {
    throw new InvalidImageError(
      `config (${shortDigest(`sha256:${claimed}`)}) of ${label}: expected sha256:${claimed}, found ${configDigest}`,
      entry.config
    );
  }
  const embedded = await fromEmbeddedLayout(source, configDigest, signal);
  if (embedded) return { ...embedded, names: entry.repoTags };
  const config = parseImageConfig(configBytes, `config ${shortDigest(configDigest)} of ${label}`);
  checkLayerCount(config, entry.layers.length, label);
  const plans = [];
  for (const [i, member] of entry.layers.entries()) {
    const plan = {
      location: await requireLocation(source, member, `layer ${i}`),
      diffId: config.diffIds[i] ?? ""
    };
    const hex = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(member)?.[1];
    if (hex !== void 0) plan.namedDigest = `sha256:${hex}`;
    plans.push(plan);
  }
  const layers = await verifyLayers(plans, label, signal);
  return { configDigest, config, layers, names: entry.repoTags };
}

// packages/core/src/image/registry/pull-image.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { join as join4 } from "node:path";

// packages/core/src/image/registry/blob-store.ts
import { randomBytes } from "node:crypto";
import { lstat as lstat2, mkdir, rename, rm } from "node:fs/promises";
import { join as join2 } from "node:path";
var BlobStore = class _BlobStore {
  constructor(root) {
    this.root = root;
  }
  root;
  static async open(root) {
    await mkdir(join2(root, "blobs", "sha256"), { recursive: true, mode: 448 });
    await mkdir(join2(root, "tmp"), { recursive: true, mode: 448 });
    return new _BlobStore(root);
  }
  path(digest) {
    return join2(this.root, ...blobPath(digest).split("/"));
  }
  /**
   * Whether a verified copy of the blob is present. A corrupt, truncated or non-regular entry is
   * removed (and reported through `onCorrupt`) so that it is downloaded again.
   */
  async has(expected, signal, onCorrupt) {
    const file = this.path(expected.digest);
    const info = await lstat2(file).catch(() => void 0);
    if (!info) return false;
    let why;
    if (!info.isFile()) why = "not a regular file";
    else if (info.size !== expected.size) why = `${info.size} bytes, expected ${expected.size}`;
    else {
      const facts = await hashLocation({ file, start: 0, size: info.size, noFollow: true }, signal);
      if (facts.digest !== expected.digest) why = `its content hashes to ${facts.digest}`;
    }
    if (why === void 0) return true;
    onCorrupt?.(why);
    await rm(file, { force: true, recursive: true });
    return false;
  }
  /** A fresh private temporary path inside the store (same filesystem as the blobs). */
  temporary() {
    return join2(this.root, "tmp", `${randomBytes(8).toString("hex")}.partial`);
  }
  /** Moves a verified temporary file into place. */
  async commit(temporary, digest) {
    await rename(temporary, this.path(digest));
  }
};

// packages/core/src/image/registry/registry-client.ts
import { createHash as createHash4 } from "node:crypto";
import { open as open4, rm as rm2 } from "node:fs/promises";

// packages/core/src/image/registry/retry.ts
import { setTimeout as sleep } from "node:timers/promises";
var TransientError = class extends Error {
  constructor(message, retryAfterMs, options) {
    super(message, options);
    this.retryAfterMs = retryAfterMs;
    this.name = "TransientError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  retryAfterMs;
};
var retryableStatuses = /* @__PURE__ */ new Set([
  408,
  425,
  429,
  499,
  500,
  502,
  503,
  504,
  522
]);
var transientCodes = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ERR_STREAM_PREMATURE_CLOSE",
  "UND_ERR_SOCKET"
]);
function isTransientNetworkError(error) {
  const code = error?.code;
  if (code !== void 0 && transientCodes.has(code)) return true;
  const message = getErrorMessage(error);
  return message === "aborted" || /socket hang up|idle timeout/.test(message);
}
function parseRetryAfter(value, cap2, now = Date.now()) {
  if (value === void 0) return void 0;
  const text3 = value.trim();
  let ms;
  if (/^\d+$/.test(text3)) ms = Number(text3) * 1e3;
  else {
    const date = Date.parse(text3);
    if (Number.isNaN(date)) return void 0;
    ms = date - now;
  }
  return Math.min(Math.max(ms, 0), cap2);
}
function backoffDelay(attempt, policy, random = Math.random) {
  const base = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.round(base * (0.75 + random() * 0.5));
}
async function withRetries(what, policy, attempt, options = {}) {
  for (let n = 1; ; n++) {
    options.signal?.throwIfAborted();
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      const delay = error.retryAfterMs ?? backoffDelay(n, policy);
      const outOfTime = Date.now() + delay >= policy.deadline;
      if (n >= policy.attempts || outOfTime) {
        throw new InvalidImageError(
          `${what}: gave up after ${n} attempt${n === 1 ? "" : "s"}${outOfTime ? " (time budget spent)" : ""}: ${error.message}`,
          what,
          { cause: error }
        );
      }
      options.log?.(`${what}: ${error.message}; retrying in ${delay} ms (attempt ${n + 1})`);
      await sleep(delay, void 0, { signal: options.signal });
    }
  }
}

// packages/core/src/image/registry/transport.ts
import { readFile } from "node:fs/promises";
import http2 from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { rootCertificates } from "node:tls";
async function createTransport(options) {
  let ca;
  if (options.caFile !== void 0) {
    const pem = await readFile(options.caFile, "utf8").catch((error) => {
      throw new ConfigurationError(
        `Expected \`--ca-file\` to be a readable PEM file, got ${options.caFile}: ${getErrorMessage(error)}`
      );
    });
    if (!pem.includes("-----BEGIN CERTIFICATE-----"))
      throw new ConfigurationError(
        `Expected \`--ca-file\` to hold PEM certificates, found none in ${options.caFile}`
      );
    ca = [...rootCertificates, pem];
  }
  const common = { keepAlive: true, maxSockets: options.maxSockets };
  const httpsAgent = new https.Agent(ca === void 0 ? common : { ...common, ca });
  const httpAgent = new http2.Agent(common);
  return {
    request: (url, headers, signal) => new Promise((resolve11, reject) => {
      const secure = url.protocol === "https:";
      const request = (secure ? https : http2).request(url, {
        method: "GET",
        headers,
        agent: secure ? httpsAgent : httpAgent,
        signal
      });
      request.setTimeout(options.idleTimeoutMs, () => {
        request.destroy(Object.assign(new Error("idle timeout"), { code: "ETIMEDOUT" }));
      });
      request.on("response", resolve11);
      request.on("error", reject);
      request.end();
    }),
    close: () => {
      httpsAgent.destroy();
      httpAgent.destroy();
    }
  };
}
async function readBody(response, cap2, what) {
  const announced = Number(response.headers["content-length"]);
  if (Number.isFinite(announced) && announced > cap2) {
    response.destroy();
    throw new LimitExceededError(`${what} is ${announced} bytes; the limit is ${cap2} bytes`, what);
  }
  const chunks = [];
  let total = 0;
  for await (const chunk of response) {
    total += chunk.length;
    if (total > cap2) {
      response.destroy();
      throw new LimitExceededError(`${what} is larger than the limit of ${cap2} bytes`, what);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search === "" ? "" : "?\u2026"}`;
  } catch {
    return "(unparsable URL)";
  }
}
function ipv4Private(ip) {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return a === 0 || a === 10 || a === 127 || a === 169 && b === 254 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168 || a === 100 && b >= 64 && b <= 127;
}
function isInternalAddress(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const version = isIP(host);
  if (version === 4) return ipv4Private(host);
  if (version !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (mapped !== void 0) return ipv4Private(mapped);
  return host === "::" || host === "::1" || /^fe[89ab]/.test(host) || /^f[cd]/.test(host);
}

// packages/core/src/image/registry/www-authenticate.ts
var tokenChars = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
function parseWwwAuthenticate(header) {
  const challenges = [];
  let i = 0;
  const skipSpace = () => {
    while (i < header.length && (header[i] === " " || header[i] === "	")) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < header.length && tokenChars.test(header[i] ?? "")) i++;
    return header.slice(start, i);
  };
  let current;
  while (i < header.length) {
    skipSpace();
    if (header[i] === ",") {
      i++;
      continue;
    }
    const start = i;
    const word = readToken();
    if (word === "") break;
    skipSpace();
    if (header[i] === "=" && current !== void 0) {
      i++;
      skipSpace();
      let value = "";
      if (header[i] === '"') {
        i++;
        while (i < header.length && header[i] !== '"') {
          if (header[i] === "\\") i++;
          value += header[i] ?? "";
          i++;
        }
        i++;
      } else {
        const begin = i;
        while (i < header.length && !/[\s,]/.test(header[i] ?? "")) i++;
        value = header.slice(begin, i);
      }
      current.params[word.toLowerCase()] = value;
    } else {
      i = start + word.length;
      current = { scheme: word.toLowerCase(), params: /* @__PURE__ */ Object.create(null) };
      challenges.push(current);
    }
  }
  return challenges;
}

// packages/core/src/image/registry/auth.ts
var maxTokenBytes = 1024 * 1024;
var maxTokenRedirects = 3;
function checkRealm(realm, context) {
  const refuse = (why) => {
    throw new InvalidImageError(
      `${context.label}: refusing the token server ${redactUrl(realm)}: ${why}`,
      "auth"
    );
  };
  if (realm.protocol !== "https:" && !(realm.protocol === "http:" && context.insecure))
    refuse("it is not https");
  if (realm.username !== "" || realm.password !== "") refuse("it carries credentials");
  if (isInternalAddress(realm.hostname) && realm.host !== context.origin.host)
    refuse("it is an internal address other than the registry");
}
function basic(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
var Authenticator = class {
  constructor(context) {
    this.context = context;
  }
  context;
  header;
  bearer;
  /** Refreshes a Bearer token whose `expires_in` has passed, before it is sent again. */
  async refreshIfExpired() {
    if (this.bearer && Date.now() >= this.bearer.expiresAt) {
      const credentials = await this.context.credentials();
      this.header = `Bearer ${await this.fetchToken(this.bearer.challenge, credentials)}`;
    }
  }
  /**
   * Handles the `round`-th 401 of one request (1 or 2). A second round is allowed for a Bearer
   * challenge (expired token, `insufficient_scope`); rejected Basic credentials end at once.
   */
  async respond(wwwAuthenticate, round2) {
    const { label } = this.context;
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? "");
    const bearer = challenges.find((c) => c.scheme === "bearer");
    const basicChallenge = challenges.find((c) => c.scheme === "basic");
    const hadAuth = this.header !== void 0;
    if (round2 > 2 || hadAuth && !bearer) {
      throw new InvalidImageError(
        `${label}: access denied (401): the credentials were rejected or lack pull permission`,
        "auth"
      );
    }
    const credentials = await this.context.credentials();
    if (bearer) {
      this.header = `Bearer ${await this.fetchToken(bearer, credentials)}`;
    } else if (basicChallenge) {
      if (!credentials)
        throw new InvalidImageError(
          `${label}: the registry requires credentials (401) and none were found (--username/--password-stdin, SCAPGATE_REGISTRY_USERNAME/PASSWORD, REGISTRY_AUTH_FILE or ~/.docker/config.json)`,
          "auth"
        );
      if (this.context.origin.protocol !== "https:")
        throw new InvalidImageError(
          `${label}: refusing to send credentials over plain http`,
          "auth"
        );
      this.header = basic(credentials);
    } else {
      throw new InvalidImageError(
        `${label}: access denied (401) with no Bearer or Basic challenge`,
        "auth"
      );
    }
  }
  async fetchToken(challenge, credentials) {
    const obtained = Date.now();
    const { token, expiresIn } = await this.requestToken(challenge, credentials);
    this.bearer = { challenge, expiresAt: obtained + Math.max(expiresIn - 10, 5) * 1e3 };
    return token;
  }
  async requestToken(challenge, credentials) {
    const { label, policy, signal, transport } = this.context;
    const realmText = challenge.params.realm;
    let realm;
    try {
      realm = new URL(realmText ?? "");
    } catch {
      throw new InvalidImageError(`${label}: the Bearer challenge has no valid realm URL`, "auth");
    }
    checkRealm(realm, this.context);
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
    const scopes = (challenge.params.scope ?? `repository:${this.context.repository}:pull`).split(
      " "
    );
    for (const scope of scopes) if (scope !== "") url.searchParams.append("scope", scope);
    const what = `${label}: token from ${redactUrl(realm)}`;
    return withRetries(
      what,
      policy,
      async () => {
        let target = url;
        for (let hop = 0; ; hop++) {
          const headers = { accept: "application/json" };
          if (credentials && target.protocol === "https:" && target.origin === realm.origin)
            headers.authorization = basic(credentials);
          let response;
          try {
            response = await transport.request(target, headers, signal);
          } catch (error) {
            if (isTransientNetworkError(error))
              throw new TransientError(`${error.message}`);
            throw error;
          }
          const status = response.statusCode ?? 0;
          if (status >= 300 && status < 400 && response.headers.location && hop < maxTokenRedirects) {
            response.resume();
            target = new URL(response.headers.location, target);
            checkRealm(target, this.context);
            continue;
          }
          if (retryableStatuses.has(status)) {
            response.resume();
            throw new TransientError(`the token server answered ${status}`);
          }
          if (status === 401 || status === 403) {
            response.resume();
            throw new InvalidImageError(
              `${label}: the token server refused the ${credentials ? "credentials" : "anonymous request"} (${status})`,
              "auth"
            );
          }
          if (status !== 200) {
            response.resume();
            throw new InvalidImageError(`${what}: unexpected status ${status}`, "auth");
          }
          return parseToken(await readBody(response, maxTokenBytes, `${what}: response`), what);
        }
      },
      { signal, log: this.context.log }
    );
  }
};
function parseToken(body, what) {
  let json;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new InvalidImageError(`${what}: the response is not JSON`, "auth");
  }
  const token = isRecord(json) ? json.token ?? json.access_token : void 0;
  if (typeof token !== "string" || token === "" || /[\s\u0000-\u001f]/.test(token))
    throw new InvalidImageError(
      `${what}: the response has no usable \`token\` or \`access_token\``,
      "auth"
    );
  const expires = isRecord(json) ? json.expires_in : void 0;
  return { token, expiresIn: typeof expires === "number" && expires > 0 ? expires : 60 };
}

// packages/core/src/image/registry/credentials.ts
import { execFile as execFile2 } from "node:child_process";
import { open as open3 } from "node:fs/promises";
import { join as join3 } from "node:path";
var maxConfigBytes = 1024 * 1024;
var helperName = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
var dockerHubKeys = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function normalizeAuthKey(key) {
  const host = key.replace(/^[a-z]+:\/\//i, "").split("/")[0]?.toLowerCase();
  return host !== void 0 && dockerHubKeys.has(host) ? "docker.io" : host ?? "";
}
async function readConfigFile(file) {
  let handle;
  try {
    handle = await open3(file, "r");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw new ConfigurationError(
      `Cannot read the registry auth file ${file}: ${getErrorMessage(error)}`
    );
  }
  try {
    const buffer = Buffer.alloc(maxConfigBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxConfigBytes)
      throw new ConfigurationError(
        `The registry auth file ${file} is larger than ${maxConfigBytes} bytes`
      );
    let json;
    try {
      json = JSON.parse(buffer.subarray(0, bytesRead).toString("utf8"));
    } catch {
      throw new ConfigurationError(`The registry auth file ${file} is not valid JSON`);
    }
    if (!isRecord(json))
      throw new ConfigurationError(`Expected the registry auth file ${file} to hold a JSON object`);
    return json;
  } finally {
    await handle.close();
  }
}
function entryFor(map, domain) {
  if (!isRecord(map)) return void 0;
  for (const [key, value] of Object.entries(map)) if (normalizeAuthKey(key) === domain) return value;
  return void 0;
}
function fromAuthEntry(entry, file, domain) {
  if (!isRecord(entry)) return void 0;
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0)
      throw new ConfigurationError(
        `The \`auth\` entry for ${domain} in ${file} is not base64 of user:password`
      );
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === "string" && typeof entry.password === "string")
    return { username: entry.username, password: entry.password };
  return void 0;
}
async function runCredentialHelper(name, domain, env) {
  if (!helperName.test(name))
    throw new ConfigurationError(
      `Expected a credential helper name of letters, digits, ._-, got \`${sanitizeForDisplay(name, 64)}\``
    );
  const server = domain === "docker.io" ? "https://index.docker.io/v1/" : domain;
  const output = await new Promise((resolve11, reject) => {
    const child2 = execFile2(
      `docker-credential-${name}`,
      ["get"],
      { env, timeout: 3e4, maxBuffer: maxConfigBytes, encoding: "utf8" },
      (error, stdout) => {
        if (!error) return resolve11(stdout);
        if (/credentials not found/i.test(stdout)) return resolve11(void 0);
        reject(
          new InvalidImageError(
            `Registry ${domain}: credential helper docker-credential-${name} failed (${error.code ?? "exit status"})`,
            "credentials"
          )
        );
      }
    );
    child2.stdin?.end(server);
  });
  if (output === void 0) return void 0;
  let json;
  try {
    json = JSON.parse(output);
  } catch {
    throw new InvalidImageError(
      `Registry ${domain}: credential helper docker-credential-${name} printed something other than JSON`,
      "credentials"
    );
  }
  if (!isRecord(json) || typeof json.Username !== "string" || typeof json.Secret !== "string")
    throw new InvalidImageError(
      `Registry ${domain}: credential helper docker-credential-${name} returned no Username/Secret`,
      "credentials"
    );
  return { username: json.Username, password: json.Secret };
}
async function findCredentials(domain, options) {
  if (options.credentials) return options.credentials;
  const env = options.helperEnv ?? { PATH: "/usr/bin:/bin" };
  const files = [
    options.authFile,
    options.dockerConfigDir && join3(options.dockerConfigDir, "config.json")
  ];
  for (const file of files) {
    if (!file) continue;
    const config = await readConfigFile(file);
    if (!config) continue;
    const helper = entryFor(config.credHelpers, domain);
    if (typeof helper === "string" && helper !== "") return runCredentialHelper(helper, domain, env);
    const found = fromAuthEntry(entryFor(config.auths, domain), file, domain);
    if (found) return found;
    if (typeof config.credsStore === "string" && config.credsStore !== "")
      return runCredentialHelper(config.credsStore, domain, env);
  }
  return void 0;
}

// packages/core/src/image/registry/registry-client.ts
var maxErrorBodyBytes = 64 * 1024;
var maxRedirects = 5;
var redirectStatuses = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var acceptManifests = [...indexMediaTypes, ...manifestMediaTypes].join(", ");
var RegistryClient = class _RegistryClient {
  constructor(origin, transport, auth, reference, label, insecure, context) {
    this.origin = origin;
    this.transport = transport;
    this.auth = auth;
    this.reference = reference;
    this.label = label;
    this.insecure = insecure;
    this.context = context;
  }
  origin;
  transport;
  auth;
  reference;
  label;
  insecure;
  context;
  static async create(reference, options, context, label) {
    const host = registryHost(reference.domain);
    const insecure = (options.insecureRegistries ?? []).some(
      (h) => h.toLowerCase() === reference.domain || h.toLowerCase() === host
    );
    const origin = new URL(`${insecure ? "http" : "https"}://${host}`);
    const concurrency = options.concurrency ?? 4;
    const transport = await createTransport({
      caFile: options.caFile,
      maxSockets: concurrency + 2,
      idleTimeoutMs: 6e4
    });
    let credentials;
    const auth = new Authenticator({
      origin,
      insecure,
      repository: reference.repository,
      label,
      transport,
      policy: context.policy,
      credentials: () => credentials ??= findCredentials(reference.domain, options),
      signal: context.signal,
      log: context.log
    });
    return new _RegistryClient(origin, transport, auth, reference, label, insecure, context);
  }
  close() {
    this.transport.close();
  }
  /**
   * GET `path` on the registry: follows redirects (at most {@link maxRedirects}), answers 401
   * challenges, and returns the final response with a 2xx status. Retryable statuses and network
   * errors become {@link TransientError}; anything else an InvalidImageError naming `what`.
   */
  async get(path, headers, what) {
    let url = new URL(path, this.origin);
    let round2 = 0;
    await this.auth.refreshIfExpired();
    for (let hop = 0; hop <= maxRedirects; ) {
      const sameOrigin = url.origin === this.origin.origin;
      const sent = { ...headers };
      if (sameOrigin && this.auth.header !== void 0) sent.authorization = this.auth.header;
      let response;
      try {
        response = await this.transport.request(url, sent, this.context.signal);
      } catch (error) {
        if (isTransientNetworkError(error))
          throw new TransientError(`${redactUrl(url)}: ${getErrorMessage(error)}`, void 0, {
            cause: error
          });
        throw new InvalidImageError(`${what}: ${redactUrl(url)}: ${getErrorMessage(error)}`, what, {
          cause: error
        });
      }
      const status = response.statusCode ?? 0;
      if (redirectStatuses.has(status) && response.headers.location !== void 0) {
        response.resume();
        const next = new URL(response.headers.location, url);
        if (next.protocol !== "https:" && !(next.protocol === "http:" && this.insecure))
          throw new InvalidImageError(
            `${what}: refusing a redirect to ${redactUrl(next)} (not https)`,
            what
          );
        url = next;
        hop++;
        continue;
      }
      if (status === 401 && sameOrigin) {
        response.resume();
        round2++;
        await this.auth.respond(response.headers["www-authenticate"], round2);
        continue;
      }
      if (status >= 200 && status < 300) return response;
      const detail = await this.errorDetail(response);
      if (retryableStatuses.has(status)) {
        throw new TransientError(
          `${redactUrl(url)} answered ${status}${detail}`,
          parseRetryAfter(
            response.headers["retry-after"],
            this.context.policy.maxRetryAfterMs
          )
        );
      }
      const why = status === 404 ? "not found (404)" : status === 401 || status === 403 ? `access denied (${status}): check the credentials and their pull permission` : `unexpected status ${status}`;
      throw new InvalidImageError(`${what}: ${why}${detail}`, what);
    }
    throw new InvalidImageError(`${what}: more than ${maxRedirects} redirects`, what);
  }
  /** The registry's error codes (`MANIFEST_UNKNOWN`), never its free text (it may echo input). */
  async errorDetail(response) {
    const body = await readBody(response, maxErrorBodyBytes, "error body").catch(
      () => Buffer.alloc(0)
    );
    try {
      const json = JSON.parse(body.toString("utf8"));
      const errors = isRecord(json) && Array.isArray(json.errors) ? json.errors : [];
      const codes = errors.map((e) => isRecord(e) && typeof e.code === "string" ? e.code : "").filter((code) => /^[A-Z_]{1,64}$/.test(code));
      return codes.length > 0 ? ` [${[...new Set(codes)].join(", ")}]` : "";
    } catch {
      return "";
    }
  }
  /**
   * Fetches a manifest or index by tag or digest, size-capped. By digest the body must hash to it
   * (REG-1); by tag the computed digest is returned and a disagreeing `Docker-Content-Digest`
   * header is only logged (REG-3).
   */
  async fetchManifest(reference) {
    const byDigest = reference.startsWith("sha256:");
    const what = `${this.label}: manifest ${byDigest ? shortDigest(reference) : reference}`;
    const path = `/v2/${this.reference.repository}/manifests/${reference}`;
    const fetched = await withRetries(
      what,
      this.context.policy,
      async () => {
        const response = await this.get(path, { accept: acceptManifests }, what);
        const bytes = await readBody(response, maxDocumentBytes, what).catch((error) => {
          if (isTransientNetworkError(error)) throw new TransientError(getErrorMessage(error));
          throw error;
        });
        const type = (response.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
        const header = response.headers["docker-content-digest"];
        return { bytes, type, header: typeof header === "string" ? header : void 0 };
      },
      this.context
    );
    const digest = sha256Digest(fetched.bytes);
    if (byDigest && digest !== reference)
      throw new InvalidImageError(
        `${what}: manifest digest mismatch: expected ${reference}, found ${digest}`,
        reference
      );
    if (!byDigest && fetched.header !== void 0 && fetched.header !== digest)
      this.context.log?.(
        `${what}: the registry says ${fetched.header} but the manifest hashes to ${digest}; using ${digest}`
      );
    const known = [...indexMediaTypes, ...manifestMediaTypes].includes(fetched.type);
    return { bytes: fetched.bytes, digest, mediaType: known ? fetched.type : void 0 };
  }
  /**
   * Downloads a blob into `store`, verifying size and sha256 as it streams. A dropped connection
   * resumes with `Range` when the server answers 206 with the matching `Content-Range`, and
   * restarts from zero when it sends the whole blob again; the full digest is always checked. The
   * blob enters the store only once verified.
   */
  async downloadBlob(descriptor, store, what) {
    const { digest, size } = descriptor;
    const path = `/v2/${this.reference.repository}/blobs/${digest}`;
    const temporary = store.temporary();
    const handle = await open4(temporary, "wx", 384);
    let hash = createHash4("sha256");
    let written = 0;
    try {
      await withRetries(
        what,
        this.context.policy,
        async () => {
          const headers = {};
          if (written > 0) headers.range = `bytes=${written}-`;
          const response = await this.get(path, headers, what);
          if (written > 0 && response.statusCode === 206) {
            const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(
              response.headers["content-range"] ?? ""
            );
            if (Number(range?.[1]) !== written || Number(range?.[2]) !== size - 1) {
              response.destroy();
              throw new InvalidImageError(
                `${what}: the registry resumed at the wrong offset`,
                digest
              );
            }
          } else if (written > 0) {
            this.context.log?.(
              `${what}: the registry ignored Range; downloading again from the start`
            );
            await handle.truncate(0);
            hash = createHash4("sha256");
            written = 0;
          }
          const length = response.headers["content-length"];
          if (length !== void 0 && Number(length) !== size - written) {
            response.destroy();
            throw new InvalidImageError(
              `${what}: Content-Length ${Number(length)} does not match the descriptor size ${size}${written > 0 ? ` less ${written} bytes already received` : ""}`,
              digest
            );
          }
          try {
            for await (const chunk of response) {
              const buffer = chunk;
              if (written + buffer.length > size) {
                response.destroy();
                throw new InvalidImageError(
                  `${what}: the blob is larger than the descriptor size ${size}`,
                  digest
                );
              }
              await handle.write(buffer, 0, buffer.length, written);
              hash.update(buffer);
              written += buffer.length;
            }
          } catch (error) {
            if (isTransientNetworkError(error))
              throw new TransientError(
                `connection dropped after ${written} of ${size} bytes`,
                void 0,
                { cause: error }
              );
            throw error;
          }
          if (written < size)
            throw new TransientError(`connection closed after ${written} of ${size} bytes`);
        },
        this.context
      );
      const found = `sha256:${hash.digest("hex")}`;
      if (found !== digest)
        throw new InvalidImageError(
          `${what}: digest mismatch: expected ${digest}, found ${found}`,
          digest
        );
      await handle.close();
      await store.commit(temporary, digest);
    } catch (error) {
      await handle.close().catch(() => {
      });
      await rm2(temporary, { force: true });
      throw error;
    }
  }
};

// packages/core/src/image/registry/pull-image.ts
var defaultTimeBudgetMs = 15 * 60 * 1e3;
function retryPolicy(budgetMs) {
  return {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8e3,
    maxRetryAfterMs: 6e4,
    deadline: Date.now() + budgetMs
  };
}
async function eachLimited(items, limit, task) {
  let next = 0;
  let failure;
  const worker = async () => {
    while (failure === void 0 && next < items.length) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
async function resolveManifest(client, start, options) {
  const first = await client.fetchManifest(start);
  let document = parseManifestDocument(first.bytes, first.mediaType, `${client.label}: manifest`);
  let digest = first.digest;
  const seen = [digest];
  while (document.kind === "index") {
    if (seen.length > maxIndexDepth)
      throw new InvalidImageError(
        `${client.label}: indexes nest more than ${maxIndexDepth} levels deep`,
        digest
      );
    const candidates = document.manifests.filter(
      (m) => !isAttestation(m) && (manifestMediaTypes.includes(m.mediaType) || indexMediaTypes.includes(m.mediaType))
    );
    const images = candidates.filter((m) => manifestMediaTypes.includes(m.mediaType));
    const chosen = images.length > 0 ? selectPlatform(images, options.platform, client.label) : candidates.find((m) => indexMediaTypes.includes(m.mediaType));
    if (!chosen)
      throw new InvalidImageError(`${client.label}: the index lists no container images`, digest);
    if (seen.includes(chosen.digest))
      throw new InvalidImageError(
        `${client.label}: index ${shortDigest(chosen.digest)} refers to itself (a cycle)`,
        chosen.digest
      );
    const fetched = await client.fetchManifest(chosen.digest);
    document = parseManifestDocument(
      fetched.bytes,
      chosen.mediaType,
      `${client.label}: manifest ${shortDigest(chosen.digest)}`
    );
    if (fetched.bytes.length !== chosen.size)
      throw new InvalidImageError(
        `${client.label}: manifest ${shortDigest(chosen.digest)}: expected ${chosen.size} bytes, found ${fetched.bytes.length}`,
        chosen.digest
      );
    digest = fetched.digest;
    seen.push(digest);
  }
  return { manifest: document, digest };
}
async function pullRegistryImage(ref, options, register) {
  const reference = parseDockerReference(ref.path);
  const name = formatDockerReference(reference);
  const label = `registry ${registryHost(reference.domain)}, image ${sanitizeForDisplay(
    `${reference.repository}${reference.tag === void 0 ? "" : `:${reference.tag}`}${reference.digest === void 0 ? "" : `@${reference.digest}`}`
  )}`;
  const settings = options.registry ?? {};
  const context = {
    signal: options.signal,
    log: options.log,
    policy: retryPolicy(settings.timeBudgetMs ?? defaultTimeBudgetMs)
  };
  const client = await RegistryClient.create(reference, settings, context, label);
  try {
    const { manifest, digest } = await resolveManifest(
      client,
      reference.digest ?? reference.tag ?? "latest",
      options
    );
    let storeDir = settings.cacheDir;
    if (storeDir === void 0) {
      storeDir = join4(options.workDir, `registry-${randomBytes2(8).toString("hex")}`);
      register(storeDir);
    }
    const store = await BlobStore.open(storeDir);
    const wanted = /* @__PURE__ */ new Map();
    wanted.set(manifest.config.digest, {
      ...manifest.config,
      what: `${label}: config blob ${manifest.config.digest}`
    });
    manifest.layers.forEach((layer, i) => {
      if (!wanted.has(layer.digest))
        wanted.set(layer.digest, { ...layer, what: `${label}: layer ${i} blob ${layer.digest}` });
    });
    let downloaded = 0;
    await eachLimited([...wanted.values()], settings.concurrency ?? 4, async (blob) => {
      const cached2 = await store.has(
        blob,
        options.signal,
        (why) => options.log?.(`${blob.what}: cached copy discarded (${why})`)
      );
      if (cached2) return;
      await client.downloadBlob(blob, store, blob.what);
      downloaded++;
    });
    options.log?.(
      `${label}: ${downloaded} of ${wanted.size} blobs downloaded, the rest from the cache`
    );
    const source = await DirectorySource.open(store.root, ref.raw);
    const parts = await loadManifestImage(source, manifest, digest, options.signal);
    return { ...parts, names: [name] };
  } finally {
    client.close();
  }
}

// packages/core/src/image/tar-index.ts
import { open as open5, stat } from "node:fs/promises";
import { posix as posix2 } from "node:path";
var maxMembers = 2e5;
var maxExtendedHeader = 1024 * 1024;
var block = 512;
function field(header, start, length) {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString("utf8");
}
function numeric(header, start, length, what) {
  const raw = header.subarray(start, start + length);
  if (((raw[0] ?? 0) & 128) !== 0) {
    if (raw[0] === 255) throw new InvalidImageError(`${what} is negative`, what);
    let value = (raw[0] ?? 0) & 127;
    for (const byte of raw.subarray(1)) value = value * 256 + byte;
    if (!Number.isSafeInteger(value)) throw new InvalidImageError(`${what} is too large`, what);
    return value;
  }
  const text3 = raw.toString("latin1").replace(/[\0 ]+$/, "").replace(/^ +/, "");
  if (text3 === "") return 0;
  if (!/^[0-7]+$/.test(text3))
    throw new InvalidImageError(
      `tar header ${what} is not octal: \`${sanitizeForDisplay(text3, 20)}\``,
      what
    );
  return parseInt(text3, 8);
}
function checksumOk(header) {
  let expected;
  try {
    expected = numeric(header, 148, 8, "checksum");
  } catch {
    return false;
  }
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < block; i++) {
    const byte = i >= 148 && i < 156 ? 32 : header[i] ?? 0;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return expected === unsigned || expected === signed;
}
function parsePax(data) {
  const records = /* @__PURE__ */ new Map();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    if (space < 0) break;
    const length = Number(data.subarray(pos, space).toString("latin1"));
    if (!Number.isInteger(length) || length <= 0 || pos + length > data.length) {
      throw new InvalidImageError("malformed PAX record in the archive", "pax");
    }
    const record2 = data.subarray(space + 1, pos + length - 1).toString("utf8");
    const eq = record2.indexOf("=");
    if (eq > 0) records.set(record2.slice(0, eq), record2.slice(eq + 1));
    pos += length;
  }
  return records;
}
function typeOf(flag) {
  if (flag === "0" || flag === "" || flag === "7") return "file";
  if (flag === "5") return "dir";
  if (flag === "2") return "symlink";
  if (flag === "1") return "hardlink";
  return "other";
}
var TarIndex = class _TarIndex {
  constructor(file, label, members) {
    this.file = file;
    this.label = label;
    this.members = members;
  }
  file;
  label;
  members;
  /** Reads every header of `file` once. @throws InvalidImageError for a truncated or malformed archive. */
  static async read(file, label) {
    const { size: fileSize } = await stat(file);
    const handle = await open5(file, "r");
    const members = /* @__PURE__ */ new Map();
    try {
      const header = Buffer.alloc(block);
      let pos = 0;
      let pending = /* @__PURE__ */ new Map();
      let count = 0;
      const readData = async (offset, size) => {
        if (size > maxExtendedHeader) {
          throw new LimitExceededError(
            `${label}: a tar extended header of ${size} bytes exceeds ${maxExtendedHeader}`,
            "tar-header"
          );
        }
        const data = Buffer.alloc(size);
        const { bytesRead } = await handle.read(data, 0, size, offset);
        if (bytesRead !== size)
          throw new InvalidImageError(`${label}: the archive is truncated`, label);
        return data;
      };
      for (; ; ) {
        const { bytesRead } = await handle.read(header, 0, block, pos);
        if (bytesRead === 0) break;
        if (bytesRead < block)
          throw new InvalidImageError(`${label}: the archive is truncated`, label);
        if (header.every((b) => b === 0)) break;
        if (!checksumOk(header)) {
          throw new InvalidImageError(
            `${label}: tar header at offset ${pos} has a bad checksum; is this a tar archive?`,
            label
          );
        }
        if (++count > maxMembers)
          throw new LimitExceededError(
            `${label}: more than ${maxMembers} archive members`,
            "archive-members"
          );
        const flag = String.fromCharCode(header[156] ?? 0).replace("\0", "");
        let size = numeric(header, 124, 12, `${label}: size of the tar member at offset ${pos}`);
        const dataOffset = pos + block;
        if (flag === "x" || flag === "L" || flag === "K") {
          const data = await readData(dataOffset, size);
          if (flag === "x") for (const [k, v] of parsePax(data)) pending.set(k, v);
          else pending.set(flag === "L" ? "path" : "linkpath", field(data, 0, data.length));
        } else if (flag !== "g") {
          const prefix = field(header, 257, 6).startsWith("ustar") ? field(header, 345, 155) : "";
          const rawName = pending.get("path") ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
          const linkname = pending.get("linkpath") ?? field(header, 157, 100);
          const paxSize = pending.get("size");
          if (paxSize !== void 0) {
            if (!/^\d+$/.test(paxSize))
              throw new InvalidImageError(
                `${label}: bad PAX size \`${sanitizeForDisplay(paxSize, 30)}\``,
                label
              );
            size = Number(paxSize);
          }
          pending = /* @__PURE__ */ new Map();
          const type = typeOf(flag);
          if ("123456".includes(flag) && flag !== "") size = 0;
          const name = cleanMemberName(rawName);
          if (name !== void 0) {
            const previous = members.get(name);
            if (previous && previous.type !== "dir" && type !== "dir") {
              throw new InvalidImageError(
                `${label}: the archive has two members named \`${sanitizeForDisplay(name)}\``,
                name
              );
            }
            members.set(name, { name, type, offset: dataOffset, size, linkname });
          }
        }
        const next = dataOffset + Math.ceil(size / block) * block;
        if (dataOffset + size > fileSize)
          throw new InvalidImageError(`${label}: the archive is truncated`, label);
        pos = next;
      }
    } finally {
      await handle.close();
    }
    return new _TarIndex(file, label, members);
  }
  async locate(member) {
    const found = this.members.get(member);
    if (!found) return void 0;
    let target = found;
    if (found.type === "symlink" || found.type === "hardlink") {
      const shown2 = sanitizeForDisplay(found.linkname);
      const joined = found.type === "symlink" ? posix2.join(posix2.dirname(member), found.linkname) : found.linkname;
      const cleaned = found.linkname.startsWith("/") ? void 0 : cleanMemberName(joined);
      const next = cleaned === void 0 ? void 0 : this.members.get(cleaned);
      if (next === void 0) {
        throw new InvalidImageError(
          `${this.label}: member \`${member}\` links to \`${shown2}\`, which is not in the archive`,
          member
        );
      }
      if (next.type !== "file") {
        throw new InvalidImageError(
          `${this.label}: member \`${member}\` links to \`${shown2}\`, which is not a regular file (links are followed once)`,
          member
        );
      }
      target = next;
    }
    if (target.type !== "file") {
      throw new InvalidImageError(
        `${this.label}: member \`${member}\` is not a regular file`,
        member
      );
    }
    return { file: this.file, start: target.offset, size: target.size, noFollow: false };
  }
};

// packages/core/src/image/open-image.ts
var maxDecompressedArchiveBytes = 64 * 1024 ** 3;
async function isGzip(file) {
  const handle = await open6(file, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 31 && head[1] === 139;
  } finally {
    await handle.close();
  }
}
async function gunzipArchive(file, options, label, created) {
  const target = join5(options.workDir, `intake-${randomBytes3(8).toString("hex")}.tar`);
  created.push(target);
  try {
    await pipeline3(
      createReadStream2(file),
      createGunzip(),
      byteLimit(maxDecompressedArchiveBytes, label, "decompressed archive"),
      createWriteStream2(target, { flags: "wx", mode: 384 }),
      { signal: options.signal }
    );
  } catch (error) {
    if (error instanceof LimitExceededError || options.signal?.aborted) throw error;
    throw new InvalidImageError(
      `${label}: cannot decompress the gzip archive: ${getErrorMessage(error)}`,
      label,
      { cause: error }
    );
  }
  return target;
}
async function openArchive(ref, options, created, path = ref.path) {
  const info = await stat2(path).catch((error) => {
    throw new InvalidImageError(
      `${ref.raw}: cannot read the archive: ${getErrorMessage(error)}`,
      path,
      { cause: error }
    );
  });
  if (!info.isFile())
    throw new InvalidImageError(`${ref.raw}: \`${path}\` is not a regular file`, path);
  const file = await isGzip(path) ? await gunzipArchive(path, options, ref.raw, created) : path;
  return TarIndex.read(file, ref.raw);
}
function stagedFile(options, created, suffix) {
  const file = join5(options.workDir, `intake-${randomBytes3(8).toString("hex")}${suffix}`);
  created.push(file);
  return file;
}
async function loadFromDaemon(ref, options, created) {
  const label = ref.raw;
  if (ref.transport === "docker-daemon") {
    const file2 = stagedFile(options, created, ".docker.tar");
    options.log?.(`${label}: exporting from the Docker API socket`);
    await exportFromDaemon(ref.path, file2, {
      dockerHost: options.daemon?.dockerHost,
      signal: options.signal,
      label
    });
    const parts2 = await loadDockerArchive(
      await openArchive(ref, options, created, file2),
      void 0,
      options.signal
    );
    return { ...parts2, names: parts2.names.length > 0 ? parts2.names : [ref.path] };
  }
  const file = stagedFile(options, created, ".oci.tar");
  options.log?.(`${label}: saving from podman's store`);
  await saveFromPodman(ref.path, file, {
    podmanPath: options.daemon?.podmanPath,
    env: options.daemon?.podmanEnv,
    signal: options.signal,
    label
  });
  const parts = await loadLayout(
    await openArchive(ref, options, created, file),
    void 0,
    options.platform,
    options.signal
  );
  return { ...parts, names: [ref.path] };
}
async function loadLayout(source, ref, platform, signal) {
  const index = await readLayoutIndex(source);
  const entries = selectByRef(index, ref, source.label);
  const descriptor = selectPlatform(await collectManifests(source, entries), platform, source.label);
  const manifest = await readManifest(source, descriptor);
  const parts = await loadManifestImage(source, manifest, descriptor.digest, signal);
  return { ...parts, names: [...new Set(entries.flatMap(namesOf))] };
}
async function openImage(ref, options) {
  const created = [];
  const close = async () => {
    for (const file of created.splice(0)) await rm3(file, { force: true, recursive: true });
  };
  try {
    options.signal?.throwIfAborted();
    await mkdir2(options.workDir, { recursive: true, mode: 448 });
    let parts;
    if (ref.transport === "registry") {
      parts = await pullRegistryImage(ref, options, (dir) => created.push(dir));
    } else if (ref.transport === "docker-daemon" || ref.transport === "podman") {
      parts = await loadFromDaemon(ref, options, created);
    } else if (ref.transport === "oci") {
      parts = await loadLayout(
        await DirectorySource.open(ref.path, ref.raw),
        ref.ref,
        options.platform,
        options.signal
      );
    } else {
      const archive = await openArchive(ref, options, created);
      parts = ref.transport === "docker-archive" ? await loadDockerArchive(archive, ref.ref, options.signal) : await loadLayout(archive, ref.ref, options.platform, options.signal);
    }
    const { config } = parts;
    const platform = config.variant ? { os: config.os, architecture: config.architecture, variant: config.variant } : { os: config.os, architecture: config.architecture };
    if (options.platform && !platformMatches(options.platform, platform)) {
      throw new InvalidImageError(
        `${ref.raw} is for platform ${formatPlatform(platform)}, not the requested ${formatPlatform(options.platform)}`,
        "platform"
      );
    }
    const image = {
      reference: ref,
      configDigest: parts.configDigest,
      config,
      platform,
      names: parts.names,
      layers: parts.layers,
      close
    };
    if (parts.manifestDigest) image.manifestDigest = parts.manifestDigest;
    return image;
  } catch (error) {
    await close();
    throw error;
  }
}

// packages/core/src/layers/apply-layers.ts
import { createHash as createHash5 } from "node:crypto";
import * as fs5 from "node:fs";

// packages/core/src/layers/byte-reader.ts
var empty = Buffer.alloc(0);
var ByteReader = class {
  constructor(source, onChunk) {
    this.source = source;
    this.onChunk = onChunk;
  }
  source;
  onChunk;
  chunks = [];
  offset = 0;
  buffered = 0;
  done = false;
  async pull() {
    while (!this.done) {
      const result = await this.source.next();
      if (result.done === true) {
        this.done = true;
        return false;
      }
      const chunk = result.value;
      if (chunk.length === 0) continue;
      this.onChunk(chunk);
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      return true;
    }
    return false;
  }
  advance(count) {
    this.offset += count;
    this.buffered -= count;
    if (this.offset === this.chunks[0]?.length) {
      this.chunks.shift();
      this.offset = 0;
    }
  }
  /** Reads `count` bytes; the result is shorter only at the end of the stream. */
  async read(count) {
    while (this.buffered < count && await this.pull()) {
    }
    const total = Math.min(count, this.buffered);
    if (total === 0) return empty;
    const first = this.chunks[0];
    if (first.length - this.offset >= total) {
      const out2 = first.subarray(this.offset, this.offset + total);
      this.advance(total);
      return out2;
    }
    const out = Buffer.allocUnsafe(total);
    let filled = 0;
    while (filled < total) {
      const chunk = this.chunks[0];
      const take = Math.min(chunk.length - this.offset, total - filled);
      chunk.copy(out, filled, this.offset, this.offset + take);
      filled += take;
      this.advance(take);
    }
    return out;
  }
  /**
   * Hands the next `count` bytes (or everything up to the end for `Infinity`) to `sink` in the
   * pieces they arrived in, awaiting the source only when the buffer is empty (backpressure:
   * nothing is read ahead while `sink` works). Returns how many bytes were delivered.
   */
  async pipe(count, sink) {
    let left = count;
    let delivered = 0;
    while (left > 0) {
      if (this.buffered === 0 && !await this.pull()) break;
      const chunk = this.chunks[0];
      const take = Math.min(chunk.length - this.offset, left);
      const piece = chunk.subarray(this.offset, this.offset + take);
      this.advance(take);
      left -= take;
      delivered += take;
      sink(piece);
    }
    return delivered;
  }
};

// packages/core/src/layers/decompress.ts
import { Readable as Readable2 } from "node:stream";
import { pipeline as pipeline4 } from "node:stream";
import * as zlib from "node:zlib";
var chunkSize = 128 * 1024;
function detectCompression2(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (head.length >= 4 && head.readUInt32BE(0) === 682962941) return "zstd";
  if (head.length >= 6 && head.subarray(0, 6).equals(Buffer.from([253, 55, 122, 88, 90, 0])))
    return "xz";
  if (head.length >= 3 && head.subarray(0, 3).toString("latin1") === "BZh") return "bzip2";
  return "none";
}
function zstdFactory() {
  const candidate = zlib.createZstdDecompress;
  return typeof candidate === "function" ? candidate : void 0;
}
function toReadable(stream) {
  return stream instanceof Readable2 ? stream : new Readable2().wrap(stream);
}
async function* decompressedChunks(layer) {
  const raw = toReadable(layer.open());
  const iterator = raw[Symbol.asyncIterator]();
  try {
    const headParts = [];
    let headLength = 0;
    while (headLength < 6) {
      const result = await iterator.next();
      if (result.done === true) break;
      const chunk = Buffer.isBuffer(result.value) ? result.value : Buffer.from(result.value);
      headParts.push(chunk);
      headLength += chunk.length;
    }
    const head = Buffer.concat(headParts);
    const compression = detectCompression2(head);
    async function* input() {
      if (head.length > 0) yield head;
      for (; ; ) {
        const result = await iterator.next();
        if (result.done === true) return;
        yield result.value;
      }
    }
    if (compression === "none") {
      yield* input();
      return;
    }
    let decompressor;
    if (compression === "gzip") {
      decompressor = zlib.createGunzip({ chunkSize });
    } else if (compression === "zstd") {
      const factory = zstdFactory();
      if (factory === void 0) {
        throw new InvalidImageError(
          `Layer ${layer.digest}: unsupported compression zstd on this Node version (${process.version}); zstd needs Node >= 22.15 (zlib.createZstdDecompress)`,
          layer.digest
        );
      }
      decompressor = factory({ chunkSize });
    } else {
      throw new InvalidImageError(
        `Layer ${layer.digest}: unsupported compression ${compression}; expected gzip, zstd or an uncompressed tar`,
        layer.digest
      );
    }
    const output = decompressor;
    pipeline4(Readable2.from(input(), { objectMode: false }), decompressor, () => {
    });
    try {
      for await (const chunk of output) yield chunk;
    } catch (error) {
      if (error instanceof InvalidImageError) throw error;
      throw new InvalidImageError(
        `Layer ${layer.digest}: ${compression} decompression failed: ${error.message}`,
        layer.digest,
        { cause: error }
      );
    } finally {
      output.destroy();
    }
  } finally {
    raw.destroy();
  }
}

// packages/core/src/layers/dir-metadata.ts
import * as fs from "node:fs";
var dirFlags = fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW;
var PendingDirectories = class {
  byPath = /* @__PURE__ */ new Map();
  /** Metadata from a directory entry; the last entry for a path wins. */
  set(relative5, mode, mtime) {
    this.byPath.set(relative5, { mode, mtime });
  }
  /** A directory this applier created implicitly: 0755 unless an entry says otherwise. */
  implicit(relative5) {
    this.byPath.set(relative5, { mode: 493 });
  }
  forget(relative5) {
    this.byPath.delete(relative5);
    const prefix = `${relative5}/`;
    for (const key of this.byPath.keys()) if (key.startsWith(prefix)) this.byPath.delete(key);
  }
  /**
   * Applies modes (after the owners, so setgid survives) and mtimes through an
   * `O_DIRECTORY|O_NOFOLLOW` descriptor, and only where no component of the path has become a
   * symlink (defence in depth against CVE-2021-32760-style redirects): `realpath` shows it for a
   * path whose parent was not checked yet; below a checked parent the `O_NOFOLLOW` open checks the
   * last component, which spares a `readlink` per component per directory.
   */
  apply(root) {
    const checked = /* @__PURE__ */ new Set();
    for (const [relative5, metadata] of this.byPath) {
      const absolute = Buffer.concat([root, Buffer.from(`/${relative5}`, "latin1")]);
      const slash4 = relative5.lastIndexOf("/");
      const parent = slash4 < 0 ? "" : relative5.slice(0, slash4);
      if (parent !== "" && !checked.has(parent)) {
        let real;
        try {
          real = fs.realpathSync.native(absolute, { encoding: "buffer" });
        } catch {
          continue;
        }
        if (!real.equals(absolute)) continue;
      }
      let fd;
      try {
        fd = fs.openSync(absolute, dirFlags);
      } catch (error) {
        const code = error.code;
        if (code === "ENOENT" || code === "ELOOP" || code === "ENOTDIR") continue;
        throw error;
      }
      checked.add(relative5);
      try {
        fs.fchmodSync(fd, metadata.mode);
        if (metadata.mtime !== void 0) fs.futimesSync(fd, metadata.mtime, metadata.mtime);
      } finally {
        fs.closeSync(fd);
      }
    }
  }
};

// packages/core/src/layers/types.ts
var defaultApplyLimits = {
  maxLayerBytes: 16 * 1024 ** 3,
  maxImageBytes: 32 * 1024 ** 3,
  maxEntries: 2e6,
  maxDepth: 1024,
  maxPathBytes: 4096,
  maxHeaderBytes: 1024 * 1024
};

// packages/core/src/layers/limits.ts
function resolveLimits(limits = {}) {
  const merged = { ...defaultApplyLimits };
  for (const [key, value] of Object.entries(limits)) {
    if (value === void 0) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(
        `Expected limit \`${key}\` to be a positive integer, got \`${String(value)}\` (${typeof value})`
      );
    }
    merged[key] = value;
  }
  return merged;
}
function limitError(limit, max, layer, what) {
  return new LimitExceededError(
    `Layer ${layer}: ${what} exceeds the limit \`${limit}\` (${max})`,
    limit
  );
}

// packages/core/src/layers/tar-header.ts
var blockSize = 512;
function cField(block2, offset, length) {
  const field2 = block2.subarray(offset, offset + length);
  const nul = field2.indexOf(0);
  return nul === -1 ? field2 : field2.subarray(0, nul);
}
function isZeroBlock(block2) {
  for (let i = 0; i < block2.length; i++) if (block2[i] !== 0) return false;
  return true;
}
function parseNumeric(block2, offset, length, field2, fail2) {
  const first = block2[offset];
  if ((first & 128) !== 0) {
    if (first === 255) fail2(`negative base-256 value in the ${field2} field`);
    let value2 = first & 127;
    for (let i2 = 1; i2 < length; i2++) {
      value2 = value2 * 256 + block2[offset + i2];
      if (value2 > Number.MAX_SAFE_INTEGER) fail2(`the ${field2} field is larger than 2^53`);
    }
    return value2;
  }
  let i = offset;
  const end = offset + length;
  while (i < end && (block2[i] === 32 || block2[i] === 0)) i++;
  let value = 0;
  for (; i < end; i++) {
    const c = block2[i];
    if (c === 0 || c === 32) break;
    if (c < 48 || c > 55) fail2(`invalid octal digit in the ${field2} field`);
    value = value * 8 + (c - 48);
  }
  for (; i < end; i++) {
    if (block2[i] !== 0 && block2[i] !== 32) fail2(`garbage after the ${field2} field`);
  }
  if (value > Number.MAX_SAFE_INTEGER) fail2(`the ${field2} field is larger than 2^53`);
  return value;
}
function checksumMatches(block2, fail2) {
  const stored = parseNumeric(block2, 148, 8, "checksum", fail2);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < blockSize; i++) {
    const byte = i >= 148 && i < 156 ? 32 : block2[i];
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}
function decimal(value, key, fail2) {
  const text3 = value.toString("latin1");
  if (!/^\d{1,16}$/.test(text3) || Number(text3) > Number.MAX_SAFE_INTEGER) {
    fail2(`PAX record ${key} is not a non-negative integer`);
  }
  return Number(text3);
}
function parsePax2(body, into, fail2) {
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(32, pos);
    if (space === -1 || space - pos > 20) fail2("malformed PAX record length");
    const lengthText = body.toString("latin1", pos, space);
    if (!/^[1-9]\d*$/.test(lengthText)) fail2("malformed PAX record length");
    const end = pos + Number(lengthText);
    if (end > body.length || body[end - 1] !== 10) fail2("malformed PAX record");
    const record2 = body.subarray(space + 1, end - 1);
    const eq = record2.indexOf(61);
    if (eq <= 0) fail2("PAX record without a key");
    const key = record2.toString("latin1", 0, eq);
    const value = record2.subarray(eq + 1);
    pos = end;
    if (key.startsWith("GNU.sparse."))
      fail2("GNU sparse files are not supported (PAX GNU.sparse.* records)");
    if (value.length === 0) {
      if (key in into) delete into[key];
      continue;
    }
    switch (key) {
      case "path":
      case "linkpath":
        if (value.includes(0)) fail2(`NUL byte in the PAX ${key}`);
        into[key] = Buffer.from(value);
        break;
      case "size":
      case "uid":
      case "gid":
        into[key] = decimal(value, key, fail2);
        break;
      case "mtime": {
        const text3 = value.toString("latin1");
        if (!/^-?\d{1,16}(\.\d{1,9})?$/.test(text3)) fail2("PAX record mtime is not a number");
        into.mtime = Number(text3);
        break;
      }
      default:
        break;
    }
  }
}
function gnuLongString(body, fail2) {
  const nul = body.indexOf(0);
  if (nul === -1) return Buffer.from(body);
  for (let i = nul; i < body.length; i++) if (body[i] !== 0) fail2("NUL byte inside a GNU long name");
  return Buffer.from(body.subarray(0, nul));
}

// packages/core/src/layers/tar-stream-reader.ts
var typeByFlag = {
  "0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char-device",
  "4": "block-device",
  "5": "dir",
  "6": "fifo"
};
var zeros = Buffer.alloc(64 * 1024);
function isZero(piece) {
  for (let at = 0; at < piece.length; at += zeros.length) {
    const part = piece.subarray(at, at + zeros.length);
    if (!part.equals(zeros.subarray(0, part.length))) return false;
  }
  return true;
}
function padding(size) {
  const rest = size % blockSize;
  return rest === 0 ? 0 : blockSize - rest;
}
var TarReader = class {
  constructor(bytes, layer, maxHeaderBytes) {
    this.bytes = bytes;
    this.layer = layer;
    this.maxHeaderBytes = maxHeaderBytes;
  }
  bytes;
  layer;
  maxHeaderBytes;
  pending = 0;
  ended = false;
  fail(message, name) {
    const entry = name === void 0 ? "" : sanitizeForDisplay(name);
    const where = name === void 0 ? "" : ` entry "${entry}"`;
    throw new UnsafeLayerEntryError(`Layer ${this.layer}${where}: ${message}`, this.layer, entry);
  }
  async readSpecial(size, kind) {
    if (size > this.maxHeaderBytes) {
      throw new LimitExceededError(
        `Layer ${this.layer}: a ${kind} record of ${size} bytes exceeds the limit \`maxHeaderBytes\` (${this.maxHeaderBytes})`,
        "maxHeaderBytes"
      );
    }
    const body = await this.bytes.read(size + padding(size));
    if (body.length < size + padding(size)) this.fail(`truncated ${kind} record`);
    return Buffer.from(body.subarray(0, size));
  }
  /** Streams the current entry's data to `sink`; a short read is an error. */
  async data(sink) {
    const size = this.pending;
    this.pending = 0;
    const got = await this.bytes.pipe(size, sink);
    if (got < size) this.fail(`truncated entry data (${got} of ${size} bytes)`);
    const pad = padding(size);
    if ((await this.bytes.read(pad)).length < pad) this.fail("truncated entry padding");
  }
  /** The next entry, or `undefined` at the end of the archive. Unread data is skipped. */
  async next() {
    if (this.ended) return void 0;
    if (this.pending > 0) await this.data(() => {
    });
    const pax = {};
    let sawMeta = false;
    let longName;
    let longLink;
    for (; ; ) {
      const block2 = await this.bytes.read(blockSize);
      if (block2.length === 0 && !sawMeta) return this.end();
      if (block2.length < blockSize) this.fail("truncated tar header");
      if (isZeroBlock(block2)) {
        if (sawMeta) this.fail("end-of-archive marker right after an extended header");
        const second = await this.bytes.read(blockSize);
        if (second.length > 0 && (second.length < blockSize || !isZeroBlock(second))) {
          this.fail("a zero block followed by data (corrupt archive)");
        }
        return this.end();
      }
      const rawName = cField(block2, 0, 100);
      const fail2 = (message) => this.fail(message, longName ?? pax.path ?? rawName);
      if (!checksumMatches(block2, fail2)) fail2("invalid header checksum");
      const flag = String.fromCharCode(block2[156]);
      const headerSize = parseNumeric(block2, 124, 12, "size", fail2);
      if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
        sawMeta = true;
        const body = await this.readSpecial(
          headerSize,
          flag === "x" || flag === "g" ? "PAX header" : "GNU long name"
        );
        if (flag === "x") parsePax2(body, pax, fail2);
        else if (flag === "L") longName = gnuLongString(body, fail2);
        else if (flag === "K") longLink = gnuLongString(body, fail2);
        continue;
      }
      if (flag === "S") fail2("GNU sparse files are not supported (typeflag S)");
      let type = flag === "\0" ? "file" : typeByFlag[flag];
      if (type === void 0) fail2(`unknown typeflag ${JSON.stringify(flag)}`);
      let name = rawName;
      const magic = block2.toString("latin1", 257, 263);
      if (magic === "ustar\0") {
        const prefix = cField(block2, 345, 155);
        if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from("/"), rawName]);
      }
      if (pax.path !== void 0) name = pax.path;
      if (longName !== void 0) name = longName;
      if (flag === "\0" && name.length > 0 && name[name.length - 1] === 47) type = "dir";
      let linkname = cField(block2, 157, 100);
      if (pax.linkpath !== void 0) linkname = pax.linkpath;
      if (longLink !== void 0) linkname = longLink;
      const size = pax.size ?? headerSize;
      const nameFail = (message) => this.fail(message, name);
      if (type !== "file" && size !== 0)
        nameFail(`a ${type} entry must not carry data (size ${size})`);
      const mtime = pax.mtime ?? (block2[136] === 255 ? 0 : parseNumeric(block2, 136, 12, "mtime", nameFail));
      const header = {
        type,
        name: Buffer.from(name),
        linkname: Buffer.from(linkname),
        size,
        mode: parseNumeric(block2, 100, 8, "mode", nameFail) & 4095,
        uid: pax.uid ?? parseNumeric(block2, 108, 8, "uid", nameFail),
        gid: pax.gid ?? parseNumeric(block2, 116, 8, "gid", nameFail),
        mtime: Math.max(0, mtime),
        devmajor: type === "char-device" || type === "block-device" ? parseNumeric(block2, 329, 8, "devmajor", nameFail) : 0,
        devminor: type === "char-device" || type === "block-device" ? parseNumeric(block2, 337, 8, "devminor", nameFail) : 0
      };
      this.pending = size;
      return header;
    }
  }
  async end() {
    this.ended = true;
    await this.bytes.pipe(Infinity, (piece) => {
      if (!isZero(piece)) this.fail("unexpected data after the end-of-archive marker");
    });
    return void 0;
  }
};

// packages/core/src/layers/write-entry.ts
import * as fs4 from "node:fs";

// packages/core/src/layers/entry-name.ts
var slash = 47;
var maxComponentBytes = 255;
var whiteoutPrefix = Buffer.from(".wh.");
var opaqueMarker = Buffer.from(".wh..wh..opq");
var metaPrefix = Buffer.from(".wh..wh.");
function isDot(component2) {
  return component2.length === 1 && component2[0] === 46;
}
function isDotDot(component2) {
  return component2.length === 2 && component2[0] === 46 && component2[1] === 46;
}
function splitEntryName(name, limits, layer, fail2) {
  if (name.length > limits.maxPathBytes) {
    throw new LimitExceededError(
      `Layer ${layer}: a path of ${name.length} bytes exceeds the limit \`maxPathBytes\` (${limits.maxPathBytes})`,
      "maxPathBytes"
    );
  }
  if (name.includes(0)) fail2("NUL byte in the name");
  const components = [];
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    if (i < name.length && name[i] !== slash) continue;
    if (i > start) {
      const component2 = name.subarray(start, i);
      if (isDotDot(component2)) fail2('a ".." component is not allowed');
      if (component2.length > maxComponentBytes)
        fail2(`a path component is longer than ${maxComponentBytes} bytes`);
      if (!isDot(component2)) components.push(component2);
    }
    start = i + 1;
  }
  if (components.length > limits.maxDepth) {
    throw new LimitExceededError(
      `Layer ${layer}: a path ${components.length} components deep exceeds the limit \`maxDepth\` (${limits.maxDepth})`,
      "maxDepth"
    );
  }
  return components;
}
function entryRole(components, fail2) {
  for (let i = 0; i < components.length - 1; i++) {
    if (components[i].subarray(0, 4).equals(whiteoutPrefix))
      fail2("a whiteout name used as a directory");
  }
  const last = components[components.length - 1];
  if (last === void 0 || !last.subarray(0, 4).equals(whiteoutPrefix)) return { role: "plain" };
  if (last.equals(opaqueMarker)) return { role: "opaque" };
  if (last.subarray(0, metaPrefix.length).equals(metaPrefix))
    fail2("unsupported AUFS whiteout metadata");
  const target = last.subarray(whiteoutPrefix.length);
  if (target.length === 0 || isDot(target) || isDotDot(target))
    fail2('invalid whiteout (empty, "." or ".." target)');
  return { role: "whiteout", target };
}
function joinRelative(parent, name) {
  const child2 = name.toString("latin1");
  return parent === "" ? child2 : `${parent}/${child2}`;
}

// packages/core/src/layers/in-root.ts
import * as fs2 from "node:fs";
var maxSymlinkHops = 255;
var slashBuf = Buffer.from("/");
function split(target) {
  const parts = [];
  let start = 0;
  for (let i = 0; i <= target.length; i++) {
    if (i < target.length && target[i] !== 47) continue;
    if (i > start) parts.push(target.subarray(start, i));
    start = i + 1;
  }
  return parts;
}
function absoluteOf(root, stack) {
  const parts = [root];
  for (const part of stack) parts.push(slashBuf, part);
  return Buffer.concat(parts);
}
function relativeOf(stack) {
  return stack.map((part) => part.toString("latin1")).join("/");
}
function walkInRoot(root, components, mode, fail2, hooks = {}, from) {
  const pending = components.slice().reverse();
  const stack = from === void 0 ? [] : from.components.slice();
  let current = from === void 0 ? root : from.absolute;
  let hops = 0;
  let found = true;
  let directory = true;
  while (pending.length > 0) {
    const part = pending.pop();
    if (part.length === 0 || part.length === 1 && part[0] === 46) continue;
    if (part.length === 2 && part[0] === 46 && part[1] === 46) {
      stack.pop();
      current = absoluteOf(root, stack);
      directory = true;
      continue;
    }
    const candidate = Buffer.concat([current, slashBuf, part]);
    if (!found) {
      stack.push(part);
      current = candidate;
      continue;
    }
    const stat11 = fs2.lstatSync(candidate, { throwIfNoEntry: false });
    if (stat11?.isSymbolicLink() === true) {
      if (++hops > maxSymlinkHops)
        fail2(`too many levels of symbolic links (more than ${maxSymlinkHops})`);
      const target = fs2.readlinkSync(candidate, { encoding: "buffer" });
      if (target[0] === 47) {
        stack.length = 0;
        current = root;
      }
      const parts = split(target);
      for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i]);
      continue;
    }
    directory = stat11?.isDirectory() === true;
    if (!directory) {
      if (mode === "lookup") {
        if (stat11 === void 0 || pending.length > 0) found = false;
      } else if (stat11 === void 0) {
        fs2.mkdirSync(candidate, 493);
        hooks.created?.(relativeOf([...stack, part]));
      } else {
        fs2.unlinkSync(candidate);
        fs2.mkdirSync(candidate, 493);
        hooks.replaced?.(relativeOf([...stack, part]));
      }
      if (mode === "create") directory = true;
    }
    stack.push(part);
    current = candidate;
  }
  return {
    absolute: current,
    relative: relativeOf(stack),
    found,
    directory: found && directory,
    components: stack
  };
}
function rootBuffer(root) {
  return Buffer.from(fs2.realpathSync(root), "utf8");
}
function inRootComponents(inRootPath) {
  return split(Buffer.from(inRootPath, "utf8"));
}
function lookup(root, inRootPath) {
  return walkInRoot(rootBuffer(root), inRootComponents(inRootPath), "lookup", (message) => {
    throw new InvalidImageError(
      `Cannot resolve ${inRootPath} inside the image root: ${message}`,
      inRootPath
    );
  });
}
async function resolveInRoot(root, inRootPath) {
  const { absolute } = lookup(root, inRootPath);
  const text3 = absolute.toString("utf8");
  if (!Buffer.from(text3, "utf8").equals(absolute)) {
    throw new InvalidImageError(
      `${inRootPath} resolves to a path that is not valid UTF-8 inside the image root`,
      inRootPath
    );
  }
  return text3;
}
async function readFileInRoot(root, inRootPath, maxBytes) {
  const { absolute, found } = lookup(root, inRootPath);
  if (!found) return void 0;
  const flags = fs2.constants.O_RDONLY | fs2.constants.O_NOFOLLOW | fs2.constants.O_NONBLOCK;
  let handle;
  try {
    handle = await fs2.promises.open(absolute, flags);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  try {
    const stat11 = await handle.stat();
    if (!stat11.isFile()) {
      throw new InvalidImageError(
        `Expected ${inRootPath} in the image to be a regular file, found another type`,
        inRootPath
      );
    }
    const buffer = Buffer.alloc(Math.min(stat11.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new LimitExceededError(
        `${inRootPath} in the image is larger than ${maxBytes} bytes`,
        "maxBytes"
      );
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

// packages/core/src/layers/whiteouts.ts
import * as fs3 from "node:fs";
var slash2 = Buffer.from("/");
var UpperPaths = class {
  written = /* @__PURE__ */ new Set();
  ancestors = /* @__PURE__ */ new Set();
  add(relative5) {
    this.written.add(relative5);
    let end = relative5.lastIndexOf("/");
    while (end > 0) {
      const ancestor = relative5.slice(0, end);
      if (this.ancestors.has(ancestor)) break;
      this.ancestors.add(ancestor);
      end = ancestor.lastIndexOf("/");
    }
  }
  /** This layer wrote exactly this path. */
  wrote(relative5) {
    return this.written.has(relative5);
  }
  /** This layer wrote something below this path. */
  wroteBelow(relative5) {
    return this.ancestors.has(relative5);
  }
};
function removeTree(absolute) {
  const stat11 = fs3.lstatSync(absolute, { throwIfNoEntry: false });
  if (stat11 === void 0) return;
  if (!stat11.isDirectory()) {
    fs3.unlinkSync(absolute);
    return;
  }
  for (const child2 of fs3.readdirSync(absolute, { encoding: "buffer" })) {
    removeTree(Buffer.concat([absolute, slash2, child2]));
  }
  fs3.rmdirSync(absolute);
}
function pruneLower(absolute, relative5, upper, removed) {
  for (const child2 of fs3.readdirSync(absolute, { encoding: "buffer" })) {
    const childAbsolute = Buffer.concat([absolute, slash2, child2]);
    const childRelative = relative5 === "" ? child2.toString("latin1") : `${relative5}/${child2.toString("latin1")}`;
    const stat11 = fs3.lstatSync(childAbsolute);
    if (upper.wrote(childRelative) || upper.wroteBelow(childRelative)) {
      if (stat11.isDirectory()) pruneLower(childAbsolute, childRelative, upper, removed);
      continue;
    }
    removeTree(childAbsolute);
    removed(childRelative, stat11.isDirectory());
  }
}

// packages/core/src/layers/write-entry.ts
var { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs4.constants;
var createFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
var slash3 = Buffer.from("/");
function errnoCode(error) {
  return error?.code;
}
function writeAll(fd, piece) {
  let offset = 0;
  while (offset < piece.length) offset += fs4.writeSync(fd, piece, offset, piece.length - offset);
}
var LayerWriter = class {
  constructor(image, layer) {
    this.image = image;
    this.layer = layer;
  }
  image;
  layer;
  written = [];
  removed = [];
  upper = new UpperPaths();
  parents = /* @__PURE__ */ new Map();
  /** Whether a new inode needs a chown to carry the entry's owner. */
  needsChown(header) {
    const creator = this.image.creator;
    return creator === void 0 || creator.uid !== header.uid || creator.gid !== header.gid;
  }
  async apply(header, tar) {
    const display = sanitizeForDisplay(header.name);
    const fail2 = (message) => {
      throw new UnsafeLayerEntryError(
        `Layer ${this.layer} entry "${display}": ${message}`,
        this.layer,
        display
      );
    };
    const components = splitEntryName(header.name, this.image.limits, this.layer, fail2);
    const name = components[components.length - 1];
    if (name === void 0) {
      if (header.type !== "dir") fail2(`the root entry must be a directory, found a ${header.type}`);
      return;
    }
    const parentComponents = components.slice(0, -1);
    const role = entryRole(components, fail2);
    if (role.role === "opaque") return this.opaque(parentComponents, fail2);
    if (role.role === "whiteout") return this.whiteout(parentComponents, role.target, fail2);
    const parent = this.resolveParent(parentComponents, fail2);
    const target = Buffer.concat([parent.absolute, slash3, name]);
    const relative5 = joinRelative(parent.relative, name);
    switch (header.type) {
      case "file":
        await this.writeFile(header, tar, target, relative5);
        break;
      case "dir":
        this.writeDirectory(header, target, relative5);
        this.parents.set(components.map((part) => part.toString("latin1")).join("/"), {
          absolute: target,
          relative: relative5,
          found: true,
          directory: true,
          components: [...parent.components, name]
        });
        break;
      case "symlink":
        this.writeSymlink(header, target, relative5, fail2);
        break;
      case "hardlink":
        this.writeHardlink(header, target, fail2);
        break;
      default:
        this.writePlaceholder(header, target, relative5);
    }
    this.upper.add(relative5);
    this.written.push(`/${relative5}`);
  }
  /** Resolves (and creates) a parent directory, reusing the cached resolution of its own parent. */
  resolveParent(components, fail2) {
    const key = components.map((part) => part.toString("latin1")).join("/");
    const cached2 = this.parents.get(key);
    if (cached2 !== void 0) return cached2;
    const onCreated = (relative5) => {
      this.image.directories.implicit(relative5);
      this.upper.add(relative5);
      this.written.push(`/${relative5}`);
    };
    const hooks = { created: onCreated, replaced: onCreated };
    const last = components.length - 1;
    const resolved = last < 0 ? walkInRoot(this.image.root, [], "create", fail2) : walkInRoot(
      this.image.root,
      components.slice(last),
      "create",
      fail2,
      hooks,
      this.resolveParent(components.slice(0, last), fail2)
    );
    this.parents.set(key, resolved);
    return resolved;
  }
  /** Removes whatever is at `target` unless both are directories; returns true if a directory stays. */
  clear(target, relative5, keepDirectory) {
    const stat11 = fs4.lstatSync(target, { throwIfNoEntry: false });
    if (stat11 === void 0) return false;
    if (stat11.isDirectory()) {
      if (keepDirectory) return true;
      removeTree(target);
      this.image.directories.forget(relative5);
      this.parents.clear();
    } else {
      fs4.unlinkSync(target);
      if (stat11.isSymbolicLink()) this.parents.clear();
    }
    return false;
  }
  openNew(target, relative5) {
    try {
      return fs4.openSync(target, createFlags, 384);
    } catch (error) {
      if (errnoCode(error) !== "EEXIST") throw error;
    }
    this.clear(target, relative5, false);
    return fs4.openSync(target, createFlags, 384);
  }
  async writeFile(header, tar, target, relative5) {
    const fd = this.openNew(target, relative5);
    try {
      await tar.data((piece) => writeAll(fd, piece));
      if (this.needsChown(header)) fs4.fchownSync(fd, header.uid, header.gid);
      fs4.fchmodSync(fd, header.mode);
      fs4.futimesSync(fd, header.mtime, header.mtime);
    } finally {
      fs4.closeSync(fd);
    }
  }
  writeDirectory(header, target, relative5) {
    let created = true;
    try {
      fs4.mkdirSync(target, 448);
    } catch (error) {
      if (errnoCode(error) !== "EEXIST") throw error;
      if (this.clear(target, relative5, true)) created = false;
      else fs4.mkdirSync(target, 448);
    }
    if (!created || this.needsChown(header)) fs4.lchownSync(target, header.uid, header.gid);
    this.image.directories.set(relative5, header.mode, header.mtime);
  }
  writeSymlink(header, target, relative5, fail2) {
    if (header.linkname.length === 0) fail2("symlink with an empty target");
    if (header.linkname.length > this.image.limits.maxPathBytes) {
      throw new LimitExceededError(
        `Layer ${this.layer}: a symlink target of ${header.linkname.length} bytes exceeds the limit \`maxPathBytes\` (${this.image.limits.maxPathBytes})`,
        "maxPathBytes"
      );
    }
    try {
      fs4.symlinkSync(header.linkname, target);
    } catch (error) {
      if (errnoCode(error) !== "EEXIST") throw error;
      this.clear(target, relative5, false);
      fs4.symlinkSync(header.linkname, target);
    }
    if (this.needsChown(header)) fs4.lchownSync(target, header.uid, header.gid);
    fs4.lutimesSync(target, header.mtime, header.mtime);
  }
  writeHardlink(header, target, fail2) {
    const linkFail = (message) => fail2(`hardlink target "${sanitizeForDisplay(header.linkname)}": ${message}`);
    const components = splitEntryName(header.linkname, this.image.limits, this.layer, linkFail);
    const last = components[components.length - 1];
    if (last === void 0) linkFail("a hardlink to the root is not allowed");
    const parent = walkInRoot(this.image.root, components.slice(0, -1), "lookup", linkFail);
    const source = Buffer.concat([parent.absolute, slash3, last]);
    const stat11 = parent.directory ? fs4.lstatSync(source, { throwIfNoEntry: false }) : void 0;
    if (stat11 === void 0)
      linkFail("does not exist (it must come from this or a lower layer, before the link)");
    if (stat11.isDirectory()) linkFail("is a directory");
    if (source.equals(target)) return;
    const relative5 = target.subarray(this.image.root.length + 1).toString("latin1");
    this.clear(target, relative5, false);
    try {
      fs4.linkSync(source, target);
    } catch (error) {
      if (errnoCode(error) === "ENOENT") linkFail("disappeared when the link name was replaced");
      throw error;
    }
  }
  /** Devices and FIFOs are never created: an empty 0000 file stands in, and the entry is recorded. */
  writePlaceholder(header, target, relative5) {
    const fd = this.openNew(target, relative5);
    try {
      if (this.needsChown(header)) fs4.fchownSync(fd, header.uid, header.gid);
      fs4.fchmodSync(fd, 0);
      fs4.futimesSync(fd, header.mtime, header.mtime);
    } finally {
      fs4.closeSync(fd);
    }
    this.image.nonMaterialised.push({
      path: `/${relative5}`,
      type: header.type === "fifo" ? "fifo" : header.type === "char-device" ? "char-device" : "block-device",
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      layer: this.layer
    });
  }
  opaque(parentComponents, fail2) {
    const parent = walkInRoot(this.image.root, parentComponents, "lookup", fail2);
    if (!parent.directory) return;
    this.parents.clear();
    pruneLower(
      parent.absolute,
      parent.relative,
      this.upper,
      (relative5, wasDirectory) => this.noteRemoved(relative5, wasDirectory)
    );
  }
  whiteout(parentComponents, name, fail2) {
    const parent = walkInRoot(this.image.root, parentComponents, "lookup", fail2);
    if (!parent.directory) return;
    const target = Buffer.concat([parent.absolute, slash3, name]);
    const relative5 = joinRelative(parent.relative, name);
    const stat11 = fs4.lstatSync(target, { throwIfNoEntry: false });
    if (stat11 === void 0) return;
    this.parents.clear();
    if (this.upper.wrote(relative5) || this.upper.wroteBelow(relative5)) {
      if (!stat11.isDirectory()) return;
      pruneLower(
        target,
        relative5,
        this.upper,
        (removed, wasDirectory) => this.noteRemoved(removed, wasDirectory)
      );
      return;
    }
    removeTree(target);
    this.noteRemoved(relative5, stat11.isDirectory());
  }
  noteRemoved(relative5, wasDirectory) {
    if (wasDirectory) this.image.directories.forget(relative5);
    this.removed.push(`/${relative5}`);
  }
};

// packages/core/src/layers/apply-layers.ts
var diffIdPattern = /^sha256:[a-f0-9]{64}$/;
function throwIfAborted(signal) {
  if (signal?.aborted === true) throw new CancelledError("layer extraction cancelled");
}
function requireRoot() {
  const uid = process.getuid?.();
  if (uid !== void 0 && uid !== 0) {
    throw new EnvironmentError(
      `Applying image layers needs root (uid 0), but this process runs as uid ${uid}: without chown the root filesystem would carry the runner's uid instead of the image owners, and owner-based compliance rules would be wrong. Run as root inside a user namespace (e.g. \`podman unshare\`).`
    );
  }
}
function prepareRoot(root) {
  const real = fs5.realpathSync(root);
  const stat11 = fs5.lstatSync(real);
  if (!stat11.isDirectory()) throw new TypeError(`Expected the layer root ${root} to be a directory`);
  if (fs5.readdirSync(real).length > 0)
    throw new TypeError(`Expected the layer root ${root} to be empty`);
  return Buffer.from(real, "utf8");
}
function newInodeOwner(root) {
  const uid = process.geteuid?.();
  const gid = process.getegid?.();
  if (uid === void 0 || gid === void 0) return void 0;
  return (fs5.statSync(root).mode & 1024) === 0 ? { uid, gid } : void 0;
}
function isTyped(error) {
  return error instanceof InvalidImageError || error instanceof LimitExceededError || error instanceof CancelledError;
}
async function applyLayer(layer, image, counters, options) {
  if (!diffIdPattern.test(layer.diffId)) {
    throw new InvalidImageError(
      `Layer ${layer.digest}: expected a diff_id matching sha256:<64 hex>, got \`${sanitizeForDisplay(layer.diffId)}\``,
      layer.digest
    );
  }
  const { limits } = image;
  const hash = createHash5("sha256");
  let layerBytes = 0;
  const chunks = decompressedChunks(layer);
  const bytes = new ByteReader(chunks, (chunk) => {
    hash.update(chunk);
    layerBytes += chunk.length;
    counters.bytes += chunk.length;
    if (layerBytes > limits.maxLayerBytes) {
      throw limitError(
        "maxLayerBytes",
        limits.maxLayerBytes,
        layer.digest,
        "the uncompressed layer"
      );
    }
    if (counters.bytes > limits.maxImageBytes) {
      throw limitError(
        "maxImageBytes",
        limits.maxImageBytes,
        layer.digest,
        "the uncompressed image"
      );
    }
    throwIfAborted(options.signal);
    options.onProgress?.(layer.index, layerBytes);
  });
  const tar = new TarReader(bytes, layer.digest, limits.maxHeaderBytes);
  const writer = new LayerWriter(image, layer.digest);
  try {
    for (; ; ) {
      throwIfAborted(options.signal);
      const header = await tar.next();
      if (header === void 0) break;
      if (++counters.entries > limits.maxEntries) {
        throw limitError(
          "maxEntries",
          limits.maxEntries,
          layer.digest,
          "the number of tar entries in the image"
        );
      }
      try {
        await writer.apply(header, tar);
      } catch (error) {
        if (isTyped(error)) throw error;
        const entry = sanitizeForDisplay(header.name);
        throw new Error(`Layer ${layer.digest} entry "${entry}": ${error.message}`, {
          cause: error
        });
      }
    }
  } finally {
    await chunks.return(void 0);
  }
  const actual = `sha256:${hash.digest("hex")}`;
  if (actual !== layer.diffId) {
    throw new InvalidImageError(
      `Layer ${layer.digest}: the uncompressed layer has digest ${actual}, but the image config says ${layer.diffId}`,
      layer.digest
    );
  }
  return {
    index: layer.index,
    digest: layer.digest,
    diffId: layer.diffId,
    written: writer.written,
    removed: writer.removed
  };
}
async function applyLayers(options) {
  requireRoot();
  const limits = resolveLimits(options.limits);
  throwIfAborted(options.signal);
  const root = prepareRoot(options.root);
  const creator = newInodeOwner(root);
  const image = {
    root,
    limits,
    directories: new PendingDirectories(),
    nonMaterialised: [],
    ...creator === void 0 ? {} : { creator }
  };
  const counters = { entries: 0, bytes: 0 };
  const layers = [];
  for (const layer of options.layers) {
    throwIfAborted(options.signal);
    layers.push(await applyLayer(layer, image, counters, options));
  }
  image.directories.apply(image.root);
  return {
    layers,
    nonMaterialised: image.nonMaterialised,
    entries: counters.entries,
    bytes: counters.bytes
  };
}

// packages/core/src/scan/preflight.ts
import { access, constants as constants5, mkdir as mkdir3, mkdtemp as mkdtemp2, realpath as realpath2, rm as rm4, stat as stat3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join7 } from "node:path";

// packages/core/src/scan/sandbox.ts
import { spawn } from "node:child_process";
import { mkdtemp, rmdir } from "node:fs/promises";
import { join as join6 } from "node:path";

// packages/core/src/scan/sandbox-script.ts
var SANDBOX_SCRIPT = String.raw`set -u
fail() { printf 'scapgate-sandbox: %s\n' "$*" >&2; exit 125; }
[ "$#" -ge 9 ] || fail "expected at least 9 arguments, got $#"
m=$1 root=$2 input=$3 tailoring=$4 out=$5 rpmdb=$6 cvars=$7 target=$8
shift 8
chroot_bin=$(command -v chroot) || fail 'chroot not found'
umask 022
mount -t tmpfs -o mode=0755,nosuid,nodev scapgate-sandbox "$m" || fail 'cannot mount tmpfs'
cd "$m" || fail 'cannot enter the sandbox mount point'
mkdir lower ovl ovl/upper ovl/work s || fail 'cannot create sandbox directories'
s=$m/s
for d in usr etc dev tmp out scan scapgate scapgate/input scapgate/apt-parts scapgate/home scapgate/local-files scapgate/no-plugins; do
  mkdir "$s/$d" || fail "cannot create /$d"
done
chmod 1777 "$s/tmp"
robind() {
  mount --bind "$1" "$2" || fail "cannot bind $1"
  mount -o remount,bind,ro,nosuid,nodev "$2" || fail "cannot make $1 read-only"
}
for d in bin sbin lib lib64 libexec share/openscap; do
  if [ -d "/usr/$d" ] && [ ! -L "/usr/$d" ]; then
    mkdir -p "$s/usr/$d" || fail "cannot create /usr/$d"
    robind "/usr/$d" "$s/usr/$d"
  fi
done
for d in bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$d" ]; then
    ln -s "$(readlink "/$d")" "$s/$d" || fail "cannot link /$d"
  elif [ -d "/$d" ]; then
    mkdir "$s/$d" || fail "cannot create /$d"
    robind "/$d" "$s/$d"
  fi
done
for f in null zero random urandom; do
  : > "$s/dev/$f" || fail "cannot create /dev/$f"
  mount --bind "/dev/$f" "$s/dev/$f" || fail "cannot bind /dev/$f"
done
if [ -f /etc/ld.so.cache ]; then cp /etc/ld.so.cache "$s/etc/ld.so.cache" || fail 'cannot copy ld.so.cache'; fi
printf 'root:x:0:0:root:/scapgate/home:/bin/sh\n' > "$s/etc/passwd"
printf 'root:x:0:\n' > "$s/etc/group"
printf 'Dir::Etc::parts "/scapgate/apt-parts";\nDir::Cache "/nonexistent-oscap-apt-cache/";\n' > "$s/scapgate/apt.conf"
printf '%%_dbpath %s\n' "$rpmdb" > "$s/scapgate/home/.rpmmacros"
if [ -n "$input" ]; then
  : > "$s/scapgate/input/content.xml"
  robind "$input" "$s/scapgate/input/content.xml"
fi
if [ -n "$tailoring" ]; then
  : > "$s/scapgate/input/tailoring.xml"
  robind "$tailoring" "$s/scapgate/input/tailoring.xml"
fi
mount --bind "$out" "$s/out" || fail 'cannot bind the output directory'
mount -o remount,bind,nosuid,nodev "$s/out" || fail 'cannot restrict the output directory'
probe_root=
if [ -n "$root" ]; then
  robind "$root" lower
  : > ovl/upper/.dockerenv || fail 'cannot create the container marker'
  # Relative option paths: the host paths may contain ',' or ':', which overlay options cannot escape.
  # redirect_dir=nofollow, metacopy=off: ignore overlay xattrs an image may carry (kernels < 4.19 lack them).
  mount -t overlay -o lowerdir=lower,upperdir=ovl/upper,workdir=ovl/work,redirect_dir=nofollow,metacopy=off,nosuid,nodev scapgate-scan "$s/scan" 2>/dev/null ||
    mount -t overlay -o lowerdir=lower,upperdir=ovl/upper,workdir=ovl/work,nosuid,nodev scapgate-scan "$s/scan" || fail 'cannot mount the overlay'
  probe_root=/scan
fi
cd / || fail 'cannot leave the sandbox mount point'
if [ -n "$probe_root" ]; then
  exec env -i "$chroot_bin" "$s" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/scapgate/home \
    APT_CONFIG=/scapgate/apt.conf OSCAP_CHECK_ENGINE_PLUGIN_DIR=/scapgate/no-plugins \
    OSCAP_PROBE_ROOT="$probe_root" OSCAP_CONTAINER_VARS="$cvars" OSCAP_EVALUATION_TARGET="$target" \
    "$@"
fi
exec env -i "$chroot_bin" "$s" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/scapgate/home \
  OSCAP_CHECK_ENGINE_PLUGIN_DIR=/scapgate/no-plugins "$@"
`;

// packages/core/src/scan/sandbox.ts
var SANDBOX_SETUP_EXIT_CODE = 125;
var SANDBOX_EXIT_CODES = /* @__PURE__ */ new Set([SANDBOX_SETUP_EXIT_CODE, 126, 127]);
var SANDBOX_PATHS = {
  scanRoot: "/scan",
  content: "/scapgate/input/content.xml",
  tailoring: "/scapgate/input/tailoring.xml",
  localFiles: "/scapgate/local-files",
  out: "/out"
};
var DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;
var SPAWN_ENV = { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LANG: "C.UTF-8" };
async function runInSandbox(options) {
  if (options.signal?.aborted) throw new CancelledError();
  const mountPoint = await mkdtemp(join6(options.workDir, "sandbox-"));
  try {
    return await spawnSandbox(options, mountPoint);
  } finally {
    await rmdir(mountPoint).catch(() => {
    });
  }
}
function spawnSandbox(options, mountPoint) {
  const args = [
    "--mount",
    "--net",
    "--ipc",
    "--uts",
    "--pid",
    "--fork",
    "--kill-child",
    "--propagation",
    "private",
    "/bin/sh",
    "-c",
    SANDBOX_SCRIPT,
    "scapgate-sandbox",
    mountPoint,
    options.root ?? "",
    options.inputFile ?? "",
    options.tailoringFile ?? "",
    options.outDir,
    options.rpmDbPath ?? "/var/lib/rpm",
    options.root === void 0 ? "" : (options.containerVars ?? []).join("\n"),
    options.root === void 0 ? "" : options.target ?? "",
    ...options.command
  ];
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const started = process.hrtime.bigint();
  return new Promise((resolve11, reject) => {
    const child2 = spawn("unshare", args, {
      env: SPAWN_ENV,
      cwd: "/",
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    const stdout = new BoundedBuffer(max);
    const stderr = new BoundedBuffer(max);
    child2.stdout.on("data", (chunk) => stdout.push(chunk));
    child2.stderr.on("data", (chunk) => stderr.push(chunk));
    let ending;
    const killGroup = () => {
      if (child2.pid === void 0) return;
      try {
        process.kill(-child2.pid, "SIGKILL");
      } catch {
      }
    };
    const timer = setTimeout(() => {
      ending ??= "timeout";
      killGroup();
    }, options.timeoutMs);
    const onAbort = () => {
      ending ??= "abort";
      killGroup();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child2.on("error", (error) => {
      cleanup();
      reject(
        new ScanFailedError(
          `Cannot start the sandbox (unshare): ${error.message}`,
          { reason: "sandbox" },
          { cause: error }
        )
      );
    });
    child2.on("close", (exitCode, signal) => {
      cleanup();
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const stderrText = stderr.text();
      if (ending === "abort") return reject(new CancelledError());
      if (ending === "timeout") {
        return reject(
          new ScanFailedError(
            `oscap did not finish within ${options.timeoutMs} ms and was killed`,
            {
              reason: "timeout",
              exitCode,
              signal,
              stderrExcerpt: excerpt(stderrText)
            }
          )
        );
      }
      if (exitCode !== null && SANDBOX_EXIT_CODES.has(exitCode)) {
        return reject(
          new ScanFailedError(`The scan sandbox could not be set up: ${excerpt(stderrText)}`, {
            reason: "sandbox",
            exitCode,
            signal,
            stderrExcerpt: excerpt(stderrText)
          })
        );
      }
      resolve11({ exitCode, signal, stdout: stdout.text(), stderr: stderrText, durationSeconds });
    });
  });
}
function excerpt(text3, maxChars = 1500) {
  const tail = text3.length > maxChars ? text3.slice(-maxChars) : text3;
  return tail.split("\n").map((line) => sanitizeForDisplay(line, 300)).join("\n").trim();
}
var BoundedBuffer = class {
  constructor(max) {
    this.max = max;
  }
  max;
  head = [];
  headSize = 0;
  tail = Buffer.alloc(0);
  dropped = 0;
  push(chunk) {
    const half = Math.floor(this.max / 2);
    if (this.headSize < half) {
      const take = chunk.subarray(0, half - this.headSize);
      this.head.push(take);
      this.headSize += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    const joined = Buffer.concat([this.tail, chunk]);
    this.dropped += Math.max(0, joined.length - half);
    this.tail = joined.subarray(Math.max(0, joined.length - half));
  }
  text() {
    const marker = this.dropped > 0 ? `
[\u2026 ${this.dropped} bytes dropped \u2026]
` : "";
    return Buffer.concat(this.head).toString("utf8") + marker + this.tail.toString("utf8");
  }
};

// packages/core/src/scan/preflight.ts
var DEFAULT_OSCAP_PATHS = ["/usr/bin/oscap", "/usr/sbin/oscap"];
var SANDBOX_BIN_DIRS = ["/usr/bin/", "/usr/sbin/"];
var cached;
function preflightScanner(options = {}) {
  if (options.oscapPath !== void 0 || options.workDir !== void 0) return runPreflight(options);
  cached ??= runPreflight(options).catch((error) => {
    cached = void 0;
    throw error;
  });
  return cached;
}
async function runPreflight(options) {
  const oscapPath = await findOscap(options.oscapPath ?? readScannerOverrides().oscapPath);
  if (process.getuid?.() !== 0) {
    throw new EnvironmentError(
      `scapgate must run oscap as root: chroot-mode probes (rpminfo, rpmverify, symlink \u2026) need CAP_SYS_CHROOT and otherwise silently inspect the runner instead of the image; the extracted root must keep its owners for ownership rules; and the scan sandbox needs a private mount namespace. Run it with sudo, or as root in a privileged container (uid is ${process.getuid?.() ?? "unknown"}).`
    );
  }
  const base = await mkdtemp2(join7(options.workDir ?? tmpdir2(), "scapgate-preflight-"));
  try {
    const root = join7(base, "root");
    const out = join7(base, "out");
    await mkdir3(root, { mode: 493 });
    await mkdir3(out, { mode: 448 });
    const result = await runInSandbox({
      command: [oscapPath, "--version"],
      workDir: base,
      outDir: out,
      root,
      timeoutMs: options.timeoutMs ?? 3e4
    }).catch((error) => {
      if (error instanceof ScanFailedError && error.details.reason === "sandbox") {
        throw new EnvironmentError(
          `The scan sandbox does not work here: scapgate needs \`unshare\` (util-linux), tmpfs and overlayfs mounts in a private mount namespace, and chroot. In a container, run it privileged (or with CAP_SYS_ADMIN and CAP_SYS_CHROOT and no seccomp/AppArmor block on mount). Details: ${getErrorMessage(error)}`,
          { cause: error }
        );
      }
      throw error;
    });
    const version = /\(oscap\)\s+(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
    if (result.exitCode !== 0 || version === void 0) {
      throw new EnvironmentError(
        `\`${oscapPath} --version\` failed inside the scan sandbox (exit ${result.exitCode ?? result.signal}): ` + excerpt(result.stderr || result.stdout)
      );
    }
    return { oscapPath, oscapVersion: version, sceDisabled: !/SCE Version/.test(result.stdout) };
  } finally {
    await rm4(base, { recursive: true, force: true });
  }
}
async function findOscap(override) {
  const candidates = override === void 0 ? DEFAULT_OSCAP_PATHS : [override];
  for (const candidate of candidates) {
    try {
      await access(candidate, constants5.X_OK);
      if (!(await stat3(candidate)).isFile()) continue;
    } catch {
      continue;
    }
    const real = await realpath2(candidate);
    if (!SANDBOX_BIN_DIRS.some((dir) => real.startsWith(dir))) {
      throw new EnvironmentError(
        `Expected oscap under /usr/bin or /usr/sbin (the scan sandbox binds only those), got \`${candidate}\` \u2192 \`${real}\``
      );
    }
    return real;
  }
  throw new EnvironmentError(
    override === void 0 ? "oscap (OpenSCAP) is not installed: expected /usr/bin/oscap. Install the `openscap-scanner` package (Debian/Ubuntu: `apt-get install openscap-scanner`; Fedora/RHEL: `dnf install openscap-scanner`), plus SCAP content (`ssg-debian`, `ssg-nondebian` / `scap-security-guide`)." : `SCAPGATE_OSCAP points to \`${override}\`, which is not an executable file`
  );
}

// packages/core/src/scan/oscap-scan.ts
import { lstat as lstat3, mkdtemp as mkdtemp3, readFile as readFile2, rename as rename2, rm as rm5, stat as stat4 } from "node:fs/promises";
import { join as join8 } from "node:path";

// packages/core/src/content/content-safety.ts
import { open as open7 } from "node:fs/promises";
var MAX_CONTENT_BYTES = 256 * 1024 * 1024;
var SCE_SYSTEM = "open-scap.org/page/sce";
async function assertContentSafe(path, label) {
  const text3 = await readContentText(path, label);
  if (/<!DOCTYPE|<!ENTITY/i.test(text3)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` without <!DOCTYPE> or <!ENTITY> declarations, found one`
    );
  }
  if (decodeCharacterReferences(text3).toLowerCase().includes(SCE_SYSTEM)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` without Script Check Engine (SCE) checks, found a reference to http://open-scap.org/page/SCE. SCE runs scripts from the content on the scanning machine; scapgate refuses it.`
    );
  }
}
async function readContentText(path, label) {
  let bytes;
  try {
    const handle = await open7(path, "r");
    try {
      const info = await handle.stat();
      const size = info.size;
      if (!info.isFile()) throw new ConfigurationError(`Expected ${label} \`${path}\` to be a file`);
      if (size > MAX_CONTENT_BYTES) {
        throw new ConfigurationError(
          `Expected ${label} \`${path}\` to be at most ${MAX_CONTENT_BYTES} bytes, got ${size}`
        );
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`Cannot read ${label} \`${path}\`: ${error.message}`, {
      cause: error
    });
  }
  const head = bytes.subarray(0, 4);
  if (head.includes(0) || head[0] === 254 && head[1] === 255 || head[0] === 255 && head[1] === 254) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` in UTF-8, found UTF-16/32 (convert it with iconv)`
    );
  }
  if (head.subarray(0, 3).toString("latin1") === "BZh" || head[0] === 31 && head[1] === 139) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` as plain XML, found a compressed file (decompress it first)`
    );
  }
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(
    bytes.subarray(0, 200).toString("latin1")
  )?.[1];
  if (declared !== void 0 && !/^(utf-8|us-ascii|ascii|iso-8859-1|latin1)$/i.test(declared)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` in UTF-8, found encoding="${declared}"`
    );
  }
  return bytes.toString("utf8");
}
function decodeCharacterReferences(text3) {
  return text3.replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (whole, code) => {
    const value = code[0] === "x" || code[0] === "X" ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return value > 0 && value <= 1114111 ? String.fromCodePoint(value) : whole;
  });
}

// packages/core/src/scan/oscap-diagnostics.ts
var SILENT_FAILURE_PATTERNS = [
  // dpkginfo with libapt (< 1.3.10): every package looks absent (§5).
  /dpkginfo_init has failed/,
  // librpm could not open the image's rpmdb (§6).
  /\bRPM: /,
  // A CHROOT-mode probe ran against the sandbox instead of the image (security.md §2.1 #2).
  /chroot(\("\."\))? failed/
];
var WARNING_PATTERNS = [
  /Requested offline mode is not supported by \S+ probe/,
  /^W(ARNING)?: /
];
var MAX_LINES = 50;
function readOscapDiagnostics(stderr) {
  const silentFailures = [];
  const warningCounts = /* @__PURE__ */ new Map();
  for (const raw of stderr.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (SILENT_FAILURE_PATTERNS.some((pattern) => pattern.test(line))) {
      if (silentFailures.length < MAX_LINES) silentFailures.push(sanitizeForDisplay(line, 300));
      continue;
    }
    const offline = /Requested offline mode is not supported by (\S+) probe/.exec(line);
    const key = offline ? `Requested offline mode is not supported by ${offline[1]} probe` : line;
    if (WARNING_PATTERNS.some((pattern) => pattern.test(line))) {
      warningCounts.set(key, (warningCounts.get(key) ?? 0) + 1);
    }
  }
  const warnings = [...warningCounts].slice(0, MAX_LINES).map(([line, count]) => sanitizeForDisplay(count > 1 ? `${line} (${count}\xD7)` : line, 300));
  return { silentFailures: [...new Set(silentFailures)], warnings };
}
function checkOscapRun(result, options) {
  const stderrExcerpt = excerpt(result.stderr);
  if (result.signal !== null || !options.okExitCodes.includes(result.exitCode ?? -1)) {
    const how = result.signal === null ? `exited with ${result.exitCode}` : `was killed by ${result.signal}`;
    throw new ScanFailedError(
      `${options.label} ${how}: ${stderrExcerpt || excerpt(result.stdout)}`,
      {
        reason: "oscap-error",
        exitCode: result.exitCode,
        signal: result.signal,
        stderrExcerpt
      }
    );
  }
  const diagnostics = readOscapDiagnostics(result.stderr);
  if (diagnostics.silentFailures.length > 0) {
    throw new ScanFailedError(
      `${options.label} finished but reported that some answers are wrong: ${diagnostics.silentFailures.join("; ")}`,
      { reason: "silent-failure", exitCode: result.exitCode, stderrExcerpt }
    );
  }
  return diagnostics;
}

// packages/core/src/scan/tailoring.ts
import { execFile as execFile3 } from "node:child_process";
import { resolve as resolvePath } from "node:path";
function prettyPrintTailoring(source, target, signal, label = "tailoring file") {
  return new Promise((resolve11, reject) => {
    execFile3(
      "xmllint",
      ["--nonet", "--nocatalogs", "--format", "--output", target, resolvePath(source)],
      {
        env: { PATH: "/usr/bin:/bin" },
        timeout: 6e4,
        maxBuffer: 1024 * 1024,
        ...signal ? { signal } : {}
      },
      (error, _stdout, stderr) => {
        if (error === null) return resolve11(target);
        if (error.code === "ENOENT") {
          return reject(
            new EnvironmentError(
              "xmllint is not installed; it is needed to work around an oscap 1.3.7 tailoring bug. Install `libxml2-utils` (Debian/Ubuntu) or `libxml2` (Fedora/RHEL)."
            )
          );
        }
        reject(
          new ConfigurationError(
            `Expected the ${label} \`${source}\` to be well-formed XML: ${excerpt(String(stderr))}`
          )
        );
      }
    );
  });
}
function hasCompactSelects(xml2) {
  return /\/><(?:[A-Za-z][\w.-]*:)?select[\s/>]/.test(xml2);
}

// packages/core/src/scan/oscap-scan.ts
var ARF_FILE_NAME = "results.arf.xml";
async function runOscapScan(options) {
  await assertDirectory(options.root, "image root");
  await assertFile(options.contentPath, "SCAP content");
  await assertContentSafe(options.contentPath, "SCAP content");
  if (options.tailoringPath !== void 0) {
    await assertFile(options.tailoringPath, "tailoring file");
    await assertContentSafe(options.tailoringPath, "tailoring file");
  }
  const scanner = options.scanner ?? await preflightScanner();
  const work = await mkdtemp3(join8(options.outDir, ".scapgate-scan-"));
  try {
    const sandboxOut = await mkdtemp3(join8(work, "out-"));
    const tailoringFile = options.tailoringPath === void 0 ? void 0 : await prettyPrintTailoring(
      options.tailoringPath,
      join8(work, "tailoring.xml"),
      options.signal
    );
    const contentFile = hasCompactSelects(await readFile2(options.contentPath, "utf8")) ? await prettyPrintTailoring(
      options.contentPath,
      join8(work, "content.xml"),
      options.signal,
      "SCAP content"
    ) : options.contentPath;
    const command = [
      scanner.oscapPath,
      "xccdf",
      "eval",
      "--profile",
      options.profileId,
      ...tailoringFile === void 0 ? [] : ["--tailoring-file", SANDBOX_PATHS.tailoring],
      ...(options.rules ?? []).flatMap((rule) => ["--rule", rule]),
      // Never --fetch-remote-resources: remote components resolve to an empty directory.
      "--local-files",
      SANDBOX_PATHS.localFiles,
      "--progress",
      "--results-arf",
      `${SANDBOX_PATHS.out}/${ARF_FILE_NAME}`,
      SANDBOX_PATHS.content
    ];
    options.logger.debug(`oscap (sandboxed): ${command.join(" ")}`);
    const result = await runInSandbox({
      command,
      workDir: work,
      outDir: sandboxOut,
      root: options.root,
      inputFile: contentFile,
      ...tailoringFile === void 0 ? {} : { tailoringFile },
      rpmDbPath: await rpmDbPath(options.root),
      containerVars: options.imageEnv,
      target: options.target,
      timeoutMs: options.timeoutMs,
      ...options.signal === void 0 ? {} : { signal: options.signal }
    });
    const diagnostics = checkOscapRun(result, { label: "oscap", okExitCodes: [0, 2] });
    const produced = join8(sandboxOut, ARF_FILE_NAME);
    const produceStat = await lstat3(produced).catch(() => void 0);
    if (!produceStat?.isFile()) {
      throw new ScanFailedError(`oscap exited with ${result.exitCode} but wrote no ARF`, {
        reason: "oscap-error",
        exitCode: result.exitCode,
        stderrExcerpt: excerpt(result.stderr)
      });
    }
    const arfPath = join8(options.outDir, ARF_FILE_NAME);
    await rename2(produced, arfPath);
    for (const warning of diagnostics.warnings) options.logger.warning(`oscap: ${warning}`);
    return {
      arfPath,
      exitCode: result.exitCode === 2 ? 2 : 0,
      warnings: diagnostics.warnings,
      durationSeconds: result.durationSeconds
    };
  } finally {
    await rm5(work, { recursive: true, force: true });
  }
}
async function rpmDbPath(root) {
  let current = root;
  for (const part of ["usr", "lib", "sysimage", "rpm"]) {
    current = join8(current, part);
    const info = await lstat3(current).catch(() => void 0);
    if (!info?.isDirectory()) return "/var/lib/rpm";
  }
  return "/usr/lib/sysimage/rpm";
}
async function assertDirectory(path, label) {
  const info = await lstat3(path).catch(() => void 0);
  if (!info?.isDirectory()) {
    throw new ConfigurationError(
      `Expected the ${label} \`${path}\` to be a directory, found ${describe(info)}`
    );
  }
}
async function assertFile(path, label) {
  const info = await stat4(path).catch(() => void 0);
  if (!info?.isFile()) {
    throw new ConfigurationError(
      `Expected the ${label} \`${path}\` to be a file, found ${describe(info)}`
    );
  }
}
function describe(info) {
  if (info === void 0) return "nothing";
  if (info.isSymbolicLink()) return "a symlink";
  if (info.isDirectory()) return "a directory";
  return "a special file";
}

// packages/core/src/scan/html-report.ts
import { rename as rename3 } from "node:fs/promises";
import { dirname } from "node:path";

// packages/core/src/scan/arf-tool.ts
import { lstat as lstat4, mkdtemp as mkdtemp4, rm as rm6 } from "node:fs/promises";
import { join as join9 } from "node:path";
async function runArfTool(options, use) {
  const work = await mkdtemp4(join9(options.workParent, ".scapgate-oscap-"));
  try {
    const out = await mkdtemp4(join9(work, "out-"));
    const command = [options.scanner.oscapPath, ...options.args];
    const result = await runInSandbox({
      command: [...command, "--output", `${SANDBOX_PATHS.out}/output`, SANDBOX_PATHS.content],
      workDir: work,
      outDir: out,
      inputFile: options.arfPath,
      timeoutMs: options.timeoutMs ?? 3e5,
      ...options.signal === void 0 ? {} : { signal: options.signal }
    });
    const produced = join9(out, "output");
    const info = await lstat4(produced).catch(() => void 0);
    if (result.exitCode !== 0 || !info?.isFile()) {
      throw new ScanFailedError(
        `oscap ${options.args.join(" ")} failed (exit ${result.exitCode ?? result.signal}): ${excerpt(result.stderr)}`,
        {
          reason: "oscap-error",
          exitCode: result.exitCode,
          signal: result.signal,
          stderrExcerpt: excerpt(result.stderr)
        }
      );
    }
    return await use(produced);
  } finally {
    await rm6(work, { recursive: true, force: true });
  }
}

// packages/core/src/scan/html-report.ts
async function generateHtmlReport(arfPath, htmlPath, options = {}) {
  const scanner = options.scanner ?? await preflightScanner();
  await runArfTool(
    {
      scanner,
      arfPath,
      args: ["xccdf", "generate", "report"],
      workParent: dirname(htmlPath),
      ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs },
      ...options.signal === void 0 ? {} : { signal: options.signal }
    },
    (produced) => rename3(produced, htmlPath)
  );
}

// packages/core/src/content/os-release.ts
var OS_RELEASE_PATHS = ["/etc/os-release", "/usr/lib/os-release"];
var MAX_OS_RELEASE_BYTES = 64 * 1024;
function parseOsRelease(text3) {
  const source = (typeof text3 === "string" ? text3 : text3.toString("utf8")).slice(
    0,
    MAX_OS_RELEASE_BYTES
  );
  const values = /* @__PURE__ */ new Map();
  for (const raw of source.split("\n")) {
    const match = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(raw);
    if (!match) continue;
    values.set(match[1], unquote(match[2].trim()));
  }
  const lower = (key) => values.get(key)?.toLowerCase() || void 0;
  const plain = (key) => values.get(key) || void 0;
  const result = { idLike: (lower("ID_LIKE") ?? "").split(/\s+/).filter(Boolean) };
  const id = lower("ID");
  const versionId = plain("VERSION_ID");
  const versionCodename = lower("VERSION_CODENAME");
  const prettyName = plain("PRETTY_NAME");
  if (id !== void 0) result.id = id;
  if (versionId !== void 0) result.versionId = versionId;
  if (versionCodename !== void 0) result.versionCodename = versionCodename;
  if (prettyName !== void 0) result.prettyName = prettyName;
  return result;
}
function unquote(value) {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\`$])/g, "$1");
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}
async function readOsRelease(readFile18) {
  for (const path of OS_RELEASE_PATHS) {
    const bytes = await readFile18(path);
    if (bytes !== void 0) return parseOsRelease(bytes);
  }
  return void 0;
}
function describeOs(os) {
  return os.prettyName ?? ([os.id ?? "unknown OS", os.versionId].filter(Boolean).join(" ") || "unknown OS");
}

// packages/core/src/content/select-content.ts
import { readdir } from "node:fs/promises";
import { join as join10 } from "node:path";
var DEFAULT_CONTENT_DIR = "/usr/share/xml/scap/ssg/content";
function dataStreamCandidates(id, versionId) {
  const major = /^(\d+)/.exec(versionId ?? "")?.[1];
  const ubuntu = /^(\d+)\.(\d+)/.exec(versionId ?? "");
  const versioned = (...products) => major === void 0 ? [] : products.map((product) => `ssg-${product}${major}-ds.xml`);
  switch (id) {
    case "debian":
      return versioned("debian");
    case "ubuntu":
      return ubuntu ? [`ssg-ubuntu${ubuntu[1]}${ubuntu[2]}-ds.xml`] : [];
    case "rhel":
      return versioned("rhel");
    case "centos":
      return versioned("centos", "cs");
    case "fedora":
      return ["ssg-fedora-ds.xml"];
    case "sles":
    case "sled":
    case "sle":
      return versioned("sle");
    case "opensuse":
    case "opensuse-leap":
    case "opensuse-tumbleweed":
      return ["ssg-opensuse-ds.xml"];
    case "ol":
      return versioned("ol");
    case "almalinux":
      return versioned("almalinux");
    case "rocky":
      return versioned("rocky");
    case "alinux":
      return versioned("alinux");
    case "anolis":
      return versioned("anolis");
    case "scientific":
      return versioned("sl");
    default:
      return [];
  }
}
async function selectContent(os, contentDir) {
  const dir = contentDir ?? readScannerOverrides().contentDir ?? DEFAULT_CONTENT_DIR;
  const available = await listDataStreams(dir);
  const tried = [];
  const ids2 = [...os.id === void 0 ? [] : [os.id], ...os.idLike.filter((like) => like !== os.id)];
  for (const [index, id] of ids2.entries()) {
    for (const candidate of dataStreamCandidates(id, os.versionId)) {
      tried.push(candidate);
      if (available.includes(candidate)) {
        return {
          path: join10(dir, candidate),
          fileName: candidate,
          viaIdLike: index > 0 || os.id === void 0
        };
      }
    }
  }
  throw new ConfigurationError(noContentMessage(os, dir, tried, available));
}
async function listDataStreams(dir) {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith("-ds.xml")).sort();
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the SCAP content directory \`${dir}\` (${error.message}). Install SCAP Security Guide content (\`ssg-debian\` and \`ssg-nondebian\` on Debian/Ubuntu, \`scap-security-guide\` on Fedora/RHEL), set SCAPGATE_CONTENT_DIR, or pass a data stream explicitly.`,
      { cause: error }
    );
  }
}
function noContentMessage(os, dir, tried, available) {
  const name = sanitizeForDisplay(describeOs(os), 100);
  const lines2 = [
    tried.length === 0 ? `No SCAP content is known for the image's OS, ${name} (os-release ID=${sanitizeForDisplay(os.id ?? "", 40)}).` : `No SCAP content for the image's OS, ${name}: looked for ${tried.join(", ")} in ${dir}.`
  ];
  const major = Number(/^(\d+)/.exec(os.versionId ?? "")?.[1]);
  if (os.id === "debian" && major >= 12 || os.id === "ubuntu" && major >= 24) {
    lines2.push(
      `SCAP Security Guide 0.1.65 (the version Debian 12 ships) has no content for ${name}; a newer release of ComplianceAsCode/content provides it. Scanning with content for another release would report every rule as notapplicable.`
    );
  }
  lines2.push(
    available.length === 0 ? "No data streams (*-ds.xml) are installed there." : `Available: ${available.join(", ")}.`,
    "Pass a data stream explicitly to scan anyway."
  );
  return lines2.join(" ");
}

// packages/core/src/content/profiles.ts
import { createHash as createHash6 } from "node:crypto";
import { readFile as readFile3 } from "node:fs/promises";
var DEFAULT_PROFILE = "standard";
async function readContentInfo(dataStream, tailoringPath) {
  const bytes = await readContent(dataStream, "SCAP content");
  const text3 = stripComments(bytes.toString("utf8"));
  const benchmark = /<(?:[\w.-]+:)?Benchmark\b([^>]*)>/.exec(text3);
  const info = {
    path: dataStream,
    sha256: createHash6("sha256").update(bytes).digest("hex"),
    profiles: extractProfiles(text3, false)
  };
  const benchmarkId = benchmark ? attribute(benchmark[1], "id") : void 0;
  if (benchmarkId !== void 0) info.benchmarkId = benchmarkId;
  if (benchmark) {
    const version = /<(?:[\w.-]+:)?version\b[^>]*>([^<]*)</.exec(text3.slice(benchmark.index))?.[1];
    if (version !== void 0) info.benchmarkVersion = decodeXmlText(version).trim();
  }
  if (tailoringPath !== void 0) {
    const tailoring = stripComments(
      (await readContent(tailoringPath, "tailoring file")).toString("utf8")
    );
    info.profiles = [...extractProfiles(tailoring, true), ...info.profiles];
  }
  return info;
}
async function resolveProfile(dataStream, requested, tailoringPath) {
  const content = await readContentInfo(dataStream, tailoringPath);
  const wanted = requested?.trim() || DEFAULT_PROFILE;
  const exact = content.profiles.find((profile) => profile.id === wanted);
  if (exact) return { profileId: exact.id, content };
  const bySuffix = [
    ...new Set(content.profiles.filter((p) => p.id.endsWith(`_profile_${wanted}`)).map((p) => p.id))
  ];
  if (bySuffix.length === 1) return { profileId: bySuffix[0], content };
  const list = content.profiles.length === 0 ? "(none)" : content.profiles.map((p) => `${p.id} (${p.title})`).join(", ");
  const shown2 = sanitizeForDisplay(wanted, 120);
  if (bySuffix.length > 1) {
    throw new ConfigurationError(
      `Expected \`profile\` to name one profile, \`${shown2}\` matches ${bySuffix.join(", ")}`
    );
  }
  throw new ConfigurationError(
    requested?.trim() ? `Expected \`profile\` to be one of the profiles in ${dataStream}, got \`${shown2}\`. Available: ${list}` : `No \`profile\` given and ${dataStream} has no \`${DEFAULT_PROFILE}\` profile; choose one of: ${list}`
  );
}
async function readContent(path, label) {
  try {
    return await readFile3(path);
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the ${label} \`${path}\`: ${error.message}`,
      { cause: error }
    );
  }
}
function extractProfiles(text3, tailored) {
  const profiles = [];
  const start = /<((?:[\w.-]+:)?)Profile\b([^>]*?)(\/?)>/g;
  for (let match = start.exec(text3); match !== null; match = start.exec(text3)) {
    const id = attribute(match[2], "id");
    if (id === void 0) continue;
    let title = "";
    if (match[3] !== "/") {
      const end = text3.indexOf(`</${match[1]}Profile>`, start.lastIndex);
      const body = text3.slice(start.lastIndex, end === -1 ? void 0 : end);
      title = decodeXmlText(/<(?:[\w.-]+:)?title\b[^>]*>([^<]*)</.exec(body)?.[1] ?? "").trim();
    }
    profiles.push({ id, title, tailored });
  }
  return profiles;
}
function attribute(attributes, name) {
  const value = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  if (!value) return void 0;
  return decodeXmlText(value[1] ?? value[2] ?? "");
}
function stripComments(text3) {
  return text3.replace(/<!--[\s\S]*?-->/g, "");
}
function decodeXmlText(text3) {
  return text3.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, entity) => {
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    const lower = entity.toLowerCase();
    if (lower in named) return named[lower];
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 1114111 ? String.fromCodePoint(code) : whole;
  });
}

// packages/core/src/arf/namespaces.ts
var ns = {
  arf: "http://scap.nist.gov/schema/asset-reporting-format/1.1",
  core: "http://scap.nist.gov/schema/reporting-core/1.1",
  ai: "http://scap.nist.gov/schema/asset-identification/1.1",
  ds: "http://scap.nist.gov/schema/scap/source/1.2",
  xccdf: "http://checklists.nist.gov/xccdf/1.2",
  ovalRes: "http://oval.mitre.org/XMLSchema/oval-results-5",
  ovalSc: "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5",
  html: "http://www.w3.org/1999/xhtml",
  xml: "http://www.w3.org/XML/1998/namespace"
};

// packages/core/src/arf/xml-tree.ts
function isElement(node) {
  return typeof node !== "string";
}
function children(element, ns2, name) {
  const found = [];
  for (const node of element.children) {
    if (isElement(node) && (ns2 === void 0 || node.ns === ns2) && (name === void 0 || node.name === name)) {
      found.push(node);
    }
  }
  return found;
}
function child(element, ns2, name) {
  for (const node of element.children) {
    if (isElement(node) && (ns2 === void 0 || node.ns === ns2) && node.name === name) return node;
  }
  return void 0;
}
function descendants(element, ns2, name, options = {}) {
  const found = [];
  const stack = children(element, void 0).reverse();
  while (stack.length > 0) {
    const current = stack.pop();
    const matches = current.ns === ns2 && current.name === name;
    if (matches) found.push(current);
    if (matches && options.stopAtMatch) continue;
    for (let i = current.children.length - 1; i >= 0; i--) {
      const node = current.children[i];
      if (isElement(node)) stack.push(node);
    }
  }
  return found;
}
function text(element) {
  let out = "";
  for (const node of element.children) out += isElement(node) ? text(node) : node;
  return out;
}

// packages/core/src/arf/oval-results.ts
var ovalResultValues = [
  "true",
  "false",
  "unknown",
  "error",
  "not evaluated",
  "not applicable"
];
function readOvalResults(root, source) {
  const system = child(child(root, ns.ovalRes, "results") ?? root, ns.ovalRes, "system");
  const definitions = /* @__PURE__ */ new Map();
  const tests = /* @__PURE__ */ new Map();
  if (system === void 0) return { definitions, tests };
  const items = /* @__PURE__ */ new Map();
  const characteristics = child(system, ns.ovalSc, "oval_system_characteristics");
  const systemData = characteristics && child(characteristics, ns.ovalSc, "system_data");
  for (const item of systemData ? children(systemData, void 0) : []) {
    const id = item.attrs.get("id");
    if (id !== void 0) items.set(id, readOvalItem(id, item));
  }
  for (const test of children(child(system, ns.ovalRes, "tests") ?? system, ns.ovalRes, "test")) {
    const testId = test.attrs.get("test_id");
    if (testId === void 0) continue;
    const tested = children(test, ns.ovalRes, "tested_item").flatMap((t) => {
      const itemId = t.attrs.get("item_id");
      if (itemId === void 0) return [];
      return [
        {
          itemId,
          result: resultValue(
            t.attrs.get("result"),
            `tested_item ${itemId} of OVAL test ${testId}`,
            source
          )
        }
      ];
    });
    const previous = tests.get(testId);
    tests.set(testId, {
      id: testId,
      result: resultValue(test.attrs.get("result"), `OVAL test ${testId}`, source),
      check: test.attrs.get("check") ?? "all",
      checkExistence: test.attrs.get("check_existence") ?? "at_least_one_exists",
      items: [...previous?.items ?? [], ...tested]
    });
  }
  const raw = /* @__PURE__ */ new Map();
  for (const definition of children(
    child(system, ns.ovalRes, "definitions") ?? system,
    ns.ovalRes,
    "definition"
  )) {
    const id = definition.attrs.get("definition_id");
    if (id === void 0) continue;
    raw.set(id, {
      element: definition,
      result: resultValue(definition.attrs.get("result"), `OVAL definition ${id}`, source),
      testIds: descendants(definition, ns.ovalRes, "criterion").flatMap(
        (c) => c.attrs.get("test_ref") ?? []
      ),
      extends: descendants(definition, ns.ovalRes, "extend_definition").flatMap(
        (e) => e.attrs.get("definition_ref") ?? []
      )
    });
  }
  for (const [id, definition] of raw) {
    const testIds = collectTests(id, raw);
    const failing = definition.result === "false" ? failingItems(id, raw, tests) : /* @__PURE__ */ new Set();
    const collected = /* @__PURE__ */ new Map();
    for (const testId of testIds) {
      for (const { itemId } of tests.get(testId)?.items ?? []) {
        const item = items.get(itemId);
        if (item === void 0 || collected.has(itemId)) continue;
        collected.set(
          itemId,
          definition.result === "false" ? { ...item, failing: failing.has(itemId) } : item
        );
      }
    }
    definitions.set(id, { id, result: definition.result, testIds, items: [...collected.values()] });
  }
  return { definitions, tests };
}
function resultValue(value, what, source) {
  if (value === void 0 || !ovalResultValues.includes(value)) {
    throw new InvalidArfError(
      `Expected ${what} in ${source} to have a result (${ovalResultValues.join("|")}), got ${String(value)}`,
      source
    );
  }
  return value;
}
function failingItems(id, raw, tests) {
  const out = /* @__PURE__ */ new Set();
  const visiting = /* @__PURE__ */ new Set();
  const walk2 = (node, bad2) => {
    for (const next of children(node, ns.ovalRes)) {
      if (next.attrs.get("result") !== bad2) continue;
      const inner = next.attrs.get("negate") === "true" ? flip(bad2) : bad2;
      if (next.name === "criteria") walk2(next, inner);
      else if (next.name === "criterion") {
        const test = tests.get(next.attrs.get("test_ref") ?? "");
        if (test !== void 0) for (const itemId of decidingItems(test, inner)) out.add(itemId);
      } else if (next.name === "extend_definition") {
        const ref = next.attrs.get("definition_ref") ?? "";
        const extended = raw.get(ref);
        if (extended === void 0 || visiting.has(ref)) continue;
        visiting.add(ref);
        walk2(extended.element, inner);
      }
    }
  };
  const definition = raw.get(id);
  if (definition !== void 0) {
    visiting.add(id);
    walk2(definition.element, "false");
  }
  return out;
}
function flip(value) {
  return value === "true" ? "false" : "true";
}
function decidingItems(test, result) {
  const evaluated = test.items.filter((i) => i.result === "true" || i.result === "false");
  if (evaluated.length === 0) return test.items.map((i) => i.itemId);
  const matching = evaluated.filter((i) => i.result === "true").length;
  const wanted = test.check === "none satisfy" ? flip(result) : test.check === "only one" && result === "false" && matching > 1 ? "true" : result;
  const deciding = evaluated.filter((i) => i.result === wanted).map((i) => i.itemId);
  return deciding.length > 0 ? deciding : test.items.map((i) => i.itemId);
}
function collectTests(id, raw, visiting = /* @__PURE__ */ new Set()) {
  const definition = raw.get(id);
  if (definition === void 0 || visiting.has(id)) return [];
  visiting.add(id);
  const ids2 = [
    ...definition.testIds,
    ...definition.extends.flatMap((e) => collectTests(e, raw, visiting))
  ];
  return [...new Set(ids2)];
}
function readOvalItem(id, element) {
  const field2 = (name) => {
    const found = child(element, void 0, name);
    return found === void 0 ? void 0 : text(found);
  };
  const item = { id, itemType: element.name };
  const status = element.attrs.get("status");
  if (status !== void 0) item.status = status;
  const path = field2("path");
  const filename = field2("filename");
  const filepath = field2("filepath") ?? (path !== void 0 && filename !== void 0 ? joinPath(path, filename) : void 0);
  if (filepath !== void 0) item.filepath = filepath;
  if (path !== void 0) item.path = path;
  if (/^(dpkg|rpm)info_item$/.test(element.name)) {
    const name = field2("name");
    const evr = field2("evr");
    if (name !== void 0) item.name = name;
    if (evr !== void 0) item.evr = evr;
  }
  return item;
}
function joinPath(path, filename) {
  return path.endsWith("/") ? `${path}${filename}` : `${path}/${filename}`;
}

// packages/core/src/arf/reference-frameworks.ts
var frameworks = [
  [/NIST\.SP\.800-53/i, "NIST-800-53"],
  [/NIST\.SP\.800-171/i, "NIST-800-171"],
  [/NIST\.CSWP/i, "NIST-CSF"],
  [/cisecurity\.org\/controls/i, "CIS-Controls"],
  [/cisecurity\.org\/benchmark|benchmarks\.cisecurity\.org/i, "CIS"],
  [/public\.cyber\.mil\/stigs\/cci/i, "DISA-CCI"],
  [/_dl_facet_stigs=operating-systems%2Cgeneral-purpose-os/i, "OS-SRG"],
  [/_dl_facet_stigs=operating-systems%2Cunix-linux/i, "DISA-STIG"],
  [/public\.cyber\.mil\/stigs\/srg-stig-tools/i, "DISA-STIG-Rule"],
  [/pcisecuritystandards\.org/i, "PCI-DSS"],
  [/iso\.org\/standard\/54534/i, "ISO-27001-2013"],
  [/isaca\.org\/resources\/cobit/i, "COBIT-5"],
  [/ssi\.gouv\.fr/i, "ANSSI"],
  [/niap-ccevs\.org/i, "OSPP"],
  [/gpo\.gov\/fdsys\/pkg\/CFR/i, "HIPAA"],
  [/fbi\.gov\/file-repository\/cjis/i, "CJIS"],
  [/nerc\.com/i, "NERC-CIP"],
  [/isa\.org\/products\/.*62443-2-1/i, "ISA-62443-2-1"],
  [/isa\.org\/products\/.*62443-3-3/i, "ISA-62443-3-3"]
];
function frameworkForHref(href) {
  if (href === "") return void 0;
  return frameworks.find(([pattern]) => pattern.test(href))?.[1];
}

// packages/core/src/arf/xccdf-text.ts
var blocks = /* @__PURE__ */ new Set([
  "p",
  "div",
  "pre",
  "ul",
  "ol",
  "li",
  "table",
  "tr",
  "blockquote",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "dl",
  "dt",
  "dd"
]);
var newline = "\0";
function flattenXccdfText(element, resolveSub) {
  if (element === void 0) return "";
  const parts = [];
  walk(element, false, parts, resolveSub);
  return parts.join("").replace(/[ \t\r\n]+/g, " ").split(newline).map((line) => line.trim()).join("\n").replace(/\n{3,}/g, "\n\n").replace(/\u0001/g, " ").replace(/\u0002/g, newline).split(newline).join("\n").trim();
}
function walk(element, inPre, parts, resolveSub) {
  for (const node of element.children) {
    if (!isElement(node)) {
      parts.push(inPre ? protect(node) : node);
      continue;
    }
    if (node.ns === ns.xccdf && node.name === "sub") {
      const idref = node.attrs.get("idref") ?? "";
      parts.push(resolveSub(idref) ?? `(${shortValueId(idref)})`);
      continue;
    }
    if (node.ns === ns.html && node.name === "br") {
      parts.push(newline);
      continue;
    }
    const block2 = node.ns === ns.html && blocks.has(node.name);
    if (block2) parts.push(newline);
    if (node.ns === ns.html && node.name === "li") parts.push("- ");
    walk(node, inPre || node.ns === ns.html && node.name === "pre", parts, resolveSub);
    if (block2) parts.push(newline);
  }
}
function protect(text3) {
  return text3.replace(/\r\n?/g, "\n").replace(/[ \t]/g, "").replace(/\n/g, "");
}
function shortValueId(idref) {
  return idref.replace(/^xccdf_[^_]+\.[^_]+_value_/, "");
}

// packages/core/src/arf/xml-parser.ts
import { readFile as readFile4, stat as stat5 } from "node:fs/promises";
import { constants as bufferConstants } from "node:buffer";
import { gunzipSync } from "node:zlib";

// node_modules/fast-xml-parser/src/util.js
var nameStartChar = ":A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
var nameChar = nameStartChar + "\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
var nameRegexp = "[" + nameStartChar + "][" + nameChar + "]*";
var regexName = new RegExp("^" + nameRegexp + "$");
function getAllMatches(string, regex) {
  const matches = [];
  let match = regex.exec(string);
  while (match) {
    const allmatches = [];
    allmatches.startIndex = regex.lastIndex - match[0].length;
    const len = match.length;
    for (let index = 0; index < len; index++) {
      allmatches.push(match[index]);
    }
    matches.push(allmatches);
    match = regex.exec(string);
  }
  return matches;
}
var isName = function(string) {
  const match = regexName.exec(string);
  return !(match === null || typeof match === "undefined");
};
function isExist(v) {
  return typeof v !== "undefined";
}
var DANGEROUS_PROPERTY_NAMES = [
  // '__proto__',
  // 'constructor',
  // 'prototype',
  "hasOwnProperty",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__"
];
var criticalProperties = ["__proto__", "constructor", "prototype"];

// node_modules/fast-xml-parser/src/validator.js
var defaultOptions = {
  allowBooleanAttributes: false,
  //A tag can have attributes without any value
  unpairedTags: []
};
function validate(xmlData, options) {
  options = Object.assign({}, defaultOptions, options);
  const tags = [];
  let tagFound = false;
  let reachedRoot = false;
  if (xmlData[0] === "\uFEFF") {
    xmlData = xmlData.substr(1);
  }
  for (let i = 0; i < xmlData.length; i++) {
    if (xmlData[i] === "<" && xmlData[i + 1] === "?") {
      i += 2;
      i = readPI(xmlData, i);
      if (i.err) return i;
    } else if (xmlData[i] === "<") {
      let tagStartPos = i;
      i++;
      if (xmlData[i] === "!") {
        i = readCommentAndCDATA(xmlData, i);
        continue;
      } else {
        let closingTag = false;
        if (xmlData[i] === "/") {
          closingTag = true;
          i++;
        }
        let tagName = "";
        for (; i < xmlData.length && xmlData[i] !== ">" && xmlData[i] !== " " && xmlData[i] !== "	" && xmlData[i] !== "\n" && xmlData[i] !== "\r"; i++) {
          tagName += xmlData[i];
        }
        tagName = tagName.trim();
        if (tagName[tagName.length - 1] === "/") {
          tagName = tagName.substring(0, tagName.length - 1);
          i--;
        }
        if (!validateTagName(tagName)) {
          let msg;
          if (tagName.trim().length === 0) {
            msg = "Invalid space after '<'.";
          } else {
            msg = "Tag '" + tagName + "' is an invalid name.";
          }
          return getErrorObject("InvalidTag", msg, getLineNumberForPosition(xmlData, i));
        }
        const result = readAttributeStr(xmlData, i);
        if (result === false) {
          return getErrorObject("InvalidAttr", "Attributes for '" + tagName + "' have open quote.", getLineNumberForPosition(xmlData, i));
        }
        let attrStr = result.value;
        i = result.index;
        if (attrStr[attrStr.length - 1] === "/") {
          const attrStrStart = i - attrStr.length;
          attrStr = attrStr.substring(0, attrStr.length - 1);
          const isValid = validateAttributeString(attrStr, options);
          if (isValid === true) {
            tagFound = true;
          } else {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, attrStrStart + isValid.err.line));
          }
        } else if (closingTag) {
          if (!result.tagClosed) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' doesn't have proper closing.", getLineNumberForPosition(xmlData, i));
          } else if (attrStr.trim().length > 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' can't have attributes or invalid starting.", getLineNumberForPosition(xmlData, tagStartPos));
          } else if (tags.length === 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' has not been opened.", getLineNumberForPosition(xmlData, tagStartPos));
          } else {
            const otg = tags.pop();
            if (tagName !== otg.tagName) {
              let openPos = getLineNumberForPosition(xmlData, otg.tagStartPos);
              return getErrorObject(
                "InvalidTag",
                "Expected closing tag '" + otg.tagName + "' (opened in line " + openPos.line + ", col " + openPos.col + ") instead of closing tag '" + tagName + "'.",
                getLineNumberForPosition(xmlData, tagStartPos)
              );
            }
            if (tags.length == 0) {
              reachedRoot = true;
            }
          }
        } else {
          const isValid = validateAttributeString(attrStr, options);
          if (isValid !== true) {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, i - attrStr.length + isValid.err.line));
          }
          if (reachedRoot === true) {
            return getErrorObject("InvalidXml", "Multiple possible root nodes found.", getLineNumberForPosition(xmlData, i));
          } else if (options.unpairedTags.indexOf(tagName) !== -1) {
          } else {
            tags.push({ tagName, tagStartPos });
          }
          tagFound = true;
        }
        for (i++; i < xmlData.length; i++) {
          if (xmlData[i] === "<") {
            if (xmlData[i + 1] === "!") {
              i++;
              i = readCommentAndCDATA(xmlData, i);
              continue;
            } else if (xmlData[i + 1] === "?") {
              i = readPI(xmlData, ++i);
              if (i.err) return i;
            } else {
              break;
            }
          } else if (xmlData[i] === "&") {
            const afterAmp = validateAmpersand(xmlData, i);
            if (afterAmp == -1)
              return getErrorObject("InvalidChar", "char '&' is not expected.", getLineNumberForPosition(xmlData, i));
            i = afterAmp;
          } else {
            if (reachedRoot === true && !isWhiteSpace(xmlData[i])) {
              return getErrorObject("InvalidXml", "Extra text at the end", getLineNumberForPosition(xmlData, i));
            }
          }
        }
        if (xmlData[i] === "<") {
          i--;
        }
      }
    } else {
      if (isWhiteSpace(xmlData[i])) {
        continue;
      }
      return getErrorObject("InvalidChar", "char '" + xmlData[i] + "' is not expected.", getLineNumberForPosition(xmlData, i));
    }
  }
  if (!tagFound) {
    return getErrorObject("InvalidXml", "Start tag expected.", 1);
  } else if (tags.length == 1) {
    return getErrorObject("InvalidTag", "Unclosed tag '" + tags[0].tagName + "'.", getLineNumberForPosition(xmlData, tags[0].tagStartPos));
  } else if (tags.length > 0) {
    return getErrorObject("InvalidXml", "Invalid '" + JSON.stringify(tags.map((t) => t.tagName), null, 4).replace(/\r?\n/g, "") + "' found.", { line: 1, col: 1 });
  }
  return true;
}
function isWhiteSpace(char) {
  return char === " " || char === "	" || char === "\n" || char === "\r";
}
function readPI(xmlData, i) {
  const start = i;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] == "?" || xmlData[i] == " ") {
      const tagname = xmlData.substr(start, i - start);
      if (i > 5 && tagname === "xml") {
        return getErrorObject("InvalidXml", "XML declaration allowed only at the start of the document.", getLineNumberForPosition(xmlData, i));
      } else if (xmlData[i] == "?" && xmlData[i + 1] == ">") {
        i++;
        break;
      } else {
        continue;
      }
    }
  }
  return i;
}
function readCommentAndCDATA(xmlData, i) {
  if (xmlData.length > i + 5 && xmlData[i + 1] === "-" && xmlData[i + 2] === "-") {
    for (i += 3; i < xmlData.length; i++) {
      if (xmlData[i] === "-" && xmlData[i + 1] === "-" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  } else if (xmlData.length > i + 8 && xmlData[i + 1] === "D" && xmlData[i + 2] === "O" && xmlData[i + 3] === "C" && xmlData[i + 4] === "T" && xmlData[i + 5] === "Y" && xmlData[i + 6] === "P" && xmlData[i + 7] === "E") {
    let angleBracketsCount = 1;
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "<") {
        angleBracketsCount++;
      } else if (xmlData[i] === ">") {
        angleBracketsCount--;
        if (angleBracketsCount === 0) {
          break;
        }
      }
    }
  } else if (xmlData.length > i + 9 && xmlData[i + 1] === "[" && xmlData[i + 2] === "C" && xmlData[i + 3] === "D" && xmlData[i + 4] === "A" && xmlData[i + 5] === "T" && xmlData[i + 6] === "A" && xmlData[i + 7] === "[") {
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "]" && xmlData[i + 1] === "]" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  }
  return i;
}
var doubleQuote = '"';
var singleQuote = "'";
function readAttributeStr(xmlData, i) {
  let attrStr = "";
  let startChar = "";
  let tagClosed = false;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === doubleQuote || xmlData[i] === singleQuote) {
      if (startChar === "") {
        startChar = xmlData[i];
      } else if (startChar !== xmlData[i]) {
      } else {
        startChar = "";
      }
    } else if (xmlData[i] === ">") {
      if (startChar === "") {
        tagClosed = true;
        break;
      }
    }
    attrStr += xmlData[i];
  }
  if (startChar !== "") {
    return false;
  }
  return {
    value: attrStr,
    index: i,
    tagClosed
  };
}
function scanAttributeTokens(attrStr) {
  const tokens = [];
  const len = attrStr.length;
  let i = 0;
  while (i < len) {
    const tokenStart = i;
    while (i < len && isWhiteSpace(attrStr[i])) i++;
    if (i >= len) break;
    if (attrStr[i] === "=") {
      i++;
      continue;
    }
    const leadingWs = attrStr.slice(tokenStart, i);
    const nameStart = i;
    while (i < len && !isWhiteSpace(attrStr[i]) && attrStr[i] !== "=") i++;
    const name = attrStr.slice(nameStart, i);
    let equalsGroup;
    let j = i;
    while (j < len && isWhiteSpace(attrStr[j])) j++;
    if (j < len && attrStr[j] === "=") {
      equalsGroup = attrStr.slice(i, j + 1);
      i = j + 1;
    }
    let quoteChar;
    let value;
    let k = i;
    while (k < len && isWhiteSpace(attrStr[k])) k++;
    if (k < len && (attrStr[k] === '"' || attrStr[k] === "'")) {
      const valueStart = k + 1;
      const closeIdx = attrStr.indexOf(attrStr[k], valueStart);
      if (closeIdx !== -1) {
        quoteChar = attrStr[k];
        value = attrStr.slice(valueStart, closeIdx);
        i = closeIdx + 1;
      }
    }
    const token = { startIndex: tokenStart };
    token[1] = leadingWs;
    token[2] = name;
    token[3] = equalsGroup;
    token[4] = quoteChar !== void 0 ? true : void 0;
    token[5] = quoteChar;
    token[6] = value;
    tokens.push(token);
  }
  return tokens;
}
function validateAttributeString(attrStr, options) {
  const matches = scanAttributeTokens(attrStr);
  const attrNames = {};
  for (let i = 0; i < matches.length; i++) {
    if (matches[i][1].length === 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' has no space in starting.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] !== void 0 && matches[i][4] === void 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' is without value.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] === void 0 && !options.allowBooleanAttributes) {
      return getErrorObject("InvalidAttr", "boolean attribute '" + matches[i][2] + "' is not allowed.", getPositionFromMatch(matches[i]));
    }
    const attrName = matches[i][2];
    if (!validateAttrName(attrName)) {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is an invalid name.", getPositionFromMatch(matches[i]));
    }
    if (!Object.prototype.hasOwnProperty.call(attrNames, attrName)) {
      attrNames[attrName] = 1;
    } else {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is repeated.", getPositionFromMatch(matches[i]));
    }
  }
  return true;
}
function validateNumberAmpersand(xmlData, i) {
  let re = /\d/;
  if (xmlData[i] === "x") {
    i++;
    re = /[\da-fA-F]/;
  }
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === ";")
      return i;
    if (!xmlData[i].match(re))
      break;
  }
  return -1;
}
function validateAmpersand(xmlData, i) {
  i++;
  if (xmlData[i] === ";")
    return -1;
  if (xmlData[i] === "#") {
    i++;
    return validateNumberAmpersand(xmlData, i);
  }
  let count = 0;
  for (; i < xmlData.length; i++, count++) {
    if (xmlData[i].match(/\w/) && count < 20)
      continue;
    if (xmlData[i] === ";")
      break;
    return -1;
  }
  return i;
}
function getErrorObject(code, message, lineNumber) {
  return {
    err: {
      code,
      msg: message,
      line: lineNumber.line || lineNumber,
      col: lineNumber.col
    }
  };
}
function validateAttrName(attrName) {
  return isName(attrName);
}
function validateTagName(tagname) {
  return isName(tagname);
}
function getLineNumberForPosition(xmlData, index) {
  const lines2 = xmlData.substring(0, index).split(/\r?\n/);
  return {
    line: lines2.length,
    // column number is last line's length + 1, because column numbering starts at 1:
    col: lines2[lines2.length - 1].length + 1
  };
}
function getPositionFromMatch(match) {
  return match.startIndex + match[1].length;
}

// node_modules/@nodable/entities/src/entities.js
var CURRENCY = {
  cent: "\xA2",
  pound: "\xA3",
  curren: "\xA4",
  yen: "\xA5",
  euro: "\u20AC",
  dollar: "$",
  fnof: "\u0192",
  inr: "\u20B9",
  af: "\u060B",
  birr: "\u1265\u122D",
  peso: "\u20B1",
  rub: "\u20BD",
  won: "\u20A9",
  yuan: "\xA5",
  cedil: "\xB8"
};
var XML = {
  amp: "&",
  apos: "'",
  gt: ">",
  lt: "<",
  quot: '"'
};
var COMMON_HTML = {
  nbsp: "\xA0",
  copy: "\xA9",
  reg: "\xAE",
  trade: "\u2122",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  laquo: "\xAB",
  raquo: "\xBB",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  bull: "\u2022",
  para: "\xB6",
  sect: "\xA7",
  deg: "\xB0",
  frac12: "\xBD",
  frac14: "\xBC",
  frac34: "\xBE"
};

// node_modules/@nodable/entities/src/EntityDecoder.js
var ENTITY_ACTION = Object.freeze({
  /** Resolve and expand the entity normally. */
  ALLOW: "allow",
  /** Silently skip this entity — it will not be registered. */
  BLOCK: "block",
  /** Throw an error, aborting entity registration entirely. */
  THROW: "throw"
});
var SPECIAL_CHARS = new Set("!?\\\\/[]$%{}^&*()<>|+");
function validateEntityName(name) {
  if (name[0] === "#") {
    throw new Error(`[EntityReplacer] Invalid character '#' in entity name: "${name}"`);
  }
  for (const ch of name) {
    if (SPECIAL_CHARS.has(ch)) {
      throw new Error(`[EntityReplacer] Invalid character '${ch}' in entity name: "${name}"`);
    }
  }
  return name;
}
function mergeEntityMaps(...maps) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const map of maps) {
    if (!map) continue;
    for (const key of Object.keys(map)) {
      const raw = map[key];
      if (typeof raw === "string") {
        out[key] = raw;
      } else if (raw && typeof raw === "object" && raw.val !== void 0) {
        const val = raw.val;
        if (typeof val === "string") {
          out[key] = val;
        }
      }
    }
  }
  return out;
}
var LIMIT_TIER_EXTERNAL = "external";
var LIMIT_TIER_BASE = "base";
var LIMIT_TIER_ALL = "all";
function parseLimitTiers(raw) {
  if (!raw || raw === LIMIT_TIER_EXTERNAL) return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
  if (raw === LIMIT_TIER_ALL) return /* @__PURE__ */ new Set([LIMIT_TIER_ALL]);
  if (raw === LIMIT_TIER_BASE) return /* @__PURE__ */ new Set([LIMIT_TIER_BASE]);
  if (Array.isArray(raw)) return new Set(raw);
  return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
}
var NCR_LEVEL = Object.freeze({ allow: 0, leave: 1, remove: 2, throw: 3 });
var XML10_ALLOWED_C0 = /* @__PURE__ */ new Set([9, 10, 13]);
function parseNCRConfig(ncr) {
  if (!ncr) {
    return { xmlVersion: 1, onLevel: NCR_LEVEL.allow, nullLevel: NCR_LEVEL.remove };
  }
  const xmlVersion = ncr.xmlVersion === 1.1 ? 1.1 : 1;
  const onLevel = NCR_LEVEL[ncr.onNCR] ?? NCR_LEVEL.allow;
  const nullLevel = NCR_LEVEL[ncr.nullNCR] ?? NCR_LEVEL.remove;
  const clampedNull = Math.max(nullLevel, NCR_LEVEL.remove);
  return { xmlVersion, onLevel, nullLevel: clampedNull };
}
var EntityDecoder = class {
  /**
   * @param {object} [options]
   * @param {object|null}  [options.namedEntities]        — extra named entities merged into base map
   * @param {object}  [options.limit]                 — security limits
   * @param {number}       [options.limit.maxTotalExpansions=0]  — 0 = unlimited
   * @param {number}       [options.limit.maxExpandedLength=0]   — 0 = unlimited
   * @param {'external'|'base'|'all'|string[]} [options.limit.applyLimitsTo='external']
   *   Which entity tiers count against the security limits:
   *   - 'external' (default) — only input/runtime + persistent external entities
   *   - 'base'               — only DEFAULT_XML_ENTITIES + namedEntities
   *   - 'all'                — every entity regardless of tier
   *   - string[]             — explicit combination, e.g. ['external', 'base']
   * @param {((resolved: string, original: string) => string)|null} [options.postCheck=null]
   * @param {string[]} [options.remove=[]] — entity names (e.g. ['nbsp', '#13']) to delete (replace with empty string)
   * @param {string[]} [options.leave=[]]  — entity names to keep as literal (unchanged in output)
   * @param {object}   [options.ncr]       — Numeric Character Reference controls
   * @param {1.0|1.1}  [options.ncr.xmlVersion=1.0]
   *   XML version governing which codepoint ranges are restricted:
   *   - 1.0 — C0 controls U+0001–U+001F (except U+0009/000A/000D) are prohibited
   *   - 1.1 — C0 controls are allowed when written as NCRs; C1 (U+007F–U+009F) decoded as-is
   * @param {'allow'|'leave'|'remove'|'throw'} [options.ncr.onNCR='allow']
   *   Base action for numeric references. Severity order: allow < leave < remove < throw.
   *   For codepoint ranges that carry a minimum level (surrogates → remove, XML 1.0 C0 → remove),
   *   the effective action is max(onNCR, rangeMinimum).
   * @param {'remove'|'throw'} [options.ncr.nullNCR='remove']
   *   Action for U+0000 (null). 'allow' and 'leave' are clamped to 'remove' since null is never safe.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onExternalEntity=null]
   *   Hook called when an external entity is registered via `setExternalEntities()` or
   *   `addExternalEntity()`. Return `ENTITY_ACTION.ALLOW` to accept the entity,
   *   `ENTITY_ACTION.BLOCK` to silently skip it, or `ENTITY_ACTION.THROW` to abort with an error.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onInputEntity=null]
   *   Hook called when an input entity is registered via `addInputEntities()`. Return
   *   `ENTITY_ACTION.ALLOW` to accept, `ENTITY_ACTION.BLOCK` to silently skip, or
   *   `ENTITY_ACTION.THROW` to abort with an error.
   */
  constructor(options = {}) {
    this._limit = options.limit || {};
    this._maxTotalExpansions = this._limit.maxTotalExpansions || 0;
    this._maxExpandedLength = this._limit.maxExpandedLength || 0;
    this._postCheck = typeof options.postCheck === "function" ? options.postCheck : (r) => r;
    this._limitTiers = parseLimitTiers(this._limit.applyLimitsTo ?? LIMIT_TIER_EXTERNAL);
    this._numericAllowed = options.numericAllowed ?? true;
    this._baseMap = mergeEntityMaps(XML, options.namedEntities || null);
    this._externalMap = /* @__PURE__ */ Object.create(null);
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    this._removeSet = new Set(options.remove && Array.isArray(options.remove) ? options.remove : []);
    this._leaveSet = new Set(options.leave && Array.isArray(options.leave) ? options.leave : []);
    const ncrCfg = parseNCRConfig(options.ncr);
    this._ncrXmlVersion = ncrCfg.xmlVersion;
    this._ncrOnLevel = ncrCfg.onLevel;
    this._ncrNullLevel = ncrCfg.nullLevel;
    this._onExternalEntity = typeof options.onExternalEntity === "function" ? options.onExternalEntity : null;
    this._onInputEntity = typeof options.onInputEntity === "function" ? options.onInputEntity : null;
  }
  // -------------------------------------------------------------------------
  // Private: registration hook dispatch
  // -------------------------------------------------------------------------
  /**
   * Invoke a registration hook for a single entity name/value pair.
   * Returns true when the entity should be accepted, false when it should be
   * silently skipped (BLOCK), and throws when the hook returns THROW.
   *
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} hook
   * @param {string} name
   * @param {string} value
   * @param {string} context  — used in error messages ('external' | 'input')
   * @returns {boolean}  true = accept, false = skip
   */
  _applyRegistrationHook(hook, name, value, context) {
    if (!hook) return true;
    const action = hook(name, value);
    if (action === ENTITY_ACTION.BLOCK) return false;
    if (action === ENTITY_ACTION.THROW) {
      throw new Error(
        `[EntityDecoder] Registration of ${context} entity "&${name};" was rejected by hook`
      );
    }
    return true;
  }
  // -------------------------------------------------------------------------
  // Persistent external entity registration
  // -------------------------------------------------------------------------
  /**
   * Replace the full set of persistent external entities.
   * All keys are validated — throws on invalid characters.
   * If `onExternalEntity` is set, it is called once per entry; entries that
   * return `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW`
   * aborts the whole call.
   * @param {Record<string, string | { regex?: RegExp, val: string }>} map
   */
  setExternalEntities(map) {
    if (map) {
      for (const key of Object.keys(map)) {
        validateEntityName(key);
      }
    }
    if (!this._onExternalEntity) {
      this._externalMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onExternalEntity, name, value, "external")) {
        filtered[name] = value;
      }
    }
    this._externalMap = filtered;
  }
  /**
   * Add a single persistent external entity.
   * If `onExternalEntity` is set it is called before the entity is stored;
   * `ENTITY_ACTION.BLOCK` silently skips storage, `ENTITY_ACTION.THROW` raises.
   * @param {string} key
   * @param {string} value
   */
  addExternalEntity(key, value) {
    validateEntityName(key);
    if (typeof value === "string" && value.indexOf("&") === -1) {
      if (this._applyRegistrationHook(this._onExternalEntity, key, value, "external")) {
        this._externalMap[key] = value;
      }
    }
  }
  // -------------------------------------------------------------------------
  // Input / runtime entity registration (per document)
  // -------------------------------------------------------------------------
  /**
   * Inject DOCTYPE entities for the current document.
   * Also resets per-document expansion counters.
   * If `onInputEntity` is set it is called once per entry; entries returning
   * `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW` aborts.
   * @param {Record<string, string | { regx?: RegExp, regex?: RegExp, val: string }>} map
   */
  addInputEntities(map) {
    this._totalExpansions = 0;
    this._expandedLength = 0;
    if (!this._onInputEntity) {
      this._inputMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onInputEntity, name, value, "input")) {
        filtered[name] = value;
      }
    }
    this._inputMap = filtered;
  }
  // -------------------------------------------------------------------------
  // Per-document reset
  // -------------------------------------------------------------------------
  /**
   * Wipe input/runtime entities and reset counters.
   * Call this before processing each new document.
   * @returns {this}
   */
  reset() {
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    return this;
  }
  // -------------------------------------------------------------------------
  // XML version (can be set after construction, e.g. once parser reads <?xml?>)
  // -------------------------------------------------------------------------
  /**
   * Update the XML version used for NCR classification.
   * Call this as soon as the document's `<?xml version="...">` declaration is parsed.
   * @param {1.0|1.1|number} version
   */
  setXmlVersion(version) {
    this._ncrXmlVersion = version === 1.1 ? 1.1 : 1;
  }
  // -------------------------------------------------------------------------
  // Primary API
  // -------------------------------------------------------------------------
  /**
   * Replace all entity references in `str` in a single pass.
   *
   * @param {string} str
   * @returns {string}
   */
  decode(str) {
    if (typeof str !== "string" || str.length === 0) return str;
    if (str.indexOf("&") === -1) return str;
    const original = str;
    const chunks = [];
    const len = str.length;
    let last = 0;
    let i = 0;
    const limitExpansions = this._maxTotalExpansions > 0;
    const limitLength = this._maxExpandedLength > 0;
    const checkLimits = limitExpansions || limitLength;
    while (i < len) {
      if (str.charCodeAt(i) !== 38) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < len && str.charCodeAt(j) !== 59 && j - i <= 32) j++;
      if (j >= len || str.charCodeAt(j) !== 59) {
        i++;
        continue;
      }
      const token = str.slice(i + 1, j);
      if (token.length === 0) {
        i++;
        continue;
      }
      let replacement;
      let tier;
      if (this._removeSet.has(token)) {
        replacement = "";
        if (tier === void 0) {
          tier = LIMIT_TIER_EXTERNAL;
        }
      } else if (this._leaveSet.has(token)) {
        i++;
        continue;
      } else if (token.charCodeAt(0) === 35) {
        const ncrResult = this._resolveNCR(token);
        if (ncrResult === void 0) {
          i++;
          continue;
        }
        replacement = ncrResult;
        tier = LIMIT_TIER_BASE;
      } else {
        const resolved = this._resolveName(token);
        replacement = resolved?.value;
        tier = resolved?.tier;
      }
      if (replacement === void 0) {
        i++;
        continue;
      }
      if (i > last) chunks.push(str.slice(last, i));
      chunks.push(replacement);
      last = j + 1;
      i = last;
      if (checkLimits && this._tierCounts(tier)) {
        if (limitExpansions) {
          this._totalExpansions++;
          if (this._totalExpansions > this._maxTotalExpansions) {
            throw new Error(
              `[EntityReplacer] Entity expansion count limit exceeded: ${this._totalExpansions} > ${this._maxTotalExpansions}`
            );
          }
        }
        if (limitLength) {
          const delta = replacement.length - (token.length + 2);
          if (delta > 0) {
            this._expandedLength += delta;
            if (this._expandedLength > this._maxExpandedLength) {
              throw new Error(
                `[EntityReplacer] Expanded content length limit exceeded: ${this._expandedLength} > ${this._maxExpandedLength}`
              );
            }
          }
        }
      }
    }
    if (last < len) chunks.push(str.slice(last));
    const result = chunks.length === 0 ? str : chunks.join("");
    return this._postCheck(result, original);
  }
  // -------------------------------------------------------------------------
  // Private: limit tier check
  // -------------------------------------------------------------------------
  /**
   * Returns true if a resolved entity of the given tier should count
   * against the expansion/length limits.
   * @param {string} tier  — LIMIT_TIER_EXTERNAL | LIMIT_TIER_BASE
   * @returns {boolean}
   */
  _tierCounts(tier) {
    if (this._limitTiers.has(LIMIT_TIER_ALL)) return true;
    return this._limitTiers.has(tier);
  }
  // -------------------------------------------------------------------------
  // Private: entity resolution
  // -------------------------------------------------------------------------
  /**
   * Resolve a named entity token (without & and ;).
   * Priority: inputMap > externalMap > baseMap
   * Returns the resolved value tagged with its limit tier.
   *
   * @param {string} name
   * @returns {{ value: string, tier: string }|undefined}
   */
  _resolveName(name) {
    if (name in this._inputMap) return { value: this._inputMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._externalMap) return { value: this._externalMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._baseMap) return { value: this._baseMap[name], tier: LIMIT_TIER_BASE };
    return void 0;
  }
  /**
   * Classify a codepoint and return the minimum action level that must be applied.
   * Returns -1 when no minimum is imposed (normal allow path).
   *
   * Ranges checked (in priority order):
   *   1. U+0000            — null, governed by nullNCR (always ≥ remove)
   *   2. U+D800–U+DFFF     — surrogates, always prohibited (min: remove)
   *   3. U+0001–U+001F \ {0x09,0x0A,0x0D}  — XML 1.0 restricted C0 (min: remove)
   *      (skipped in XML 1.1 — C0 controls are allowed when written as NCRs)
   *
   * @param {number} cp  — codepoint
   * @returns {number}   — minimum NCR_LEVEL value, or -1 for no restriction
   */
  _classifyNCR(cp) {
    if (cp === 0) return this._ncrNullLevel;
    if (cp >= 55296 && cp <= 57343) return NCR_LEVEL.remove;
    if (this._ncrXmlVersion === 1) {
      if (cp >= 1 && cp <= 31 && !XML10_ALLOWED_C0.has(cp)) return NCR_LEVEL.remove;
    }
    return -1;
  }
  /**
   * Execute a resolved NCR action.
   *
   * @param {number} action   — NCR_LEVEL value
   * @param {string} token    — raw token (e.g. '#38') for error messages
   * @param {number} cp       — codepoint, used only for error messages
   * @returns {string|undefined}
   *   - decoded character string  → 'allow'
   *   - ''                        → 'remove'
   *   - undefined                 → 'leave' (caller must skip past '&' only)
   *   - throws Error              → 'throw'
   */
  _applyNCRAction(action, token, cp) {
    switch (action) {
      case NCR_LEVEL.allow:
        return String.fromCodePoint(cp);
      case NCR_LEVEL.remove:
        return "";
      case NCR_LEVEL.leave:
        return void 0;
      // signal: keep literal
      case NCR_LEVEL.throw:
        throw new Error(
          `[EntityDecoder] Prohibited numeric character reference &${token}; (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`
        );
      default:
        return String.fromCodePoint(cp);
    }
  }
  /**
   * Full NCR resolution pipeline for a numeric token.
   *
   * Steps:
   *   1. Parse the codepoint (decimal or hex).
   *   2. Validate the raw codepoint range (NaN, <0, >0x10FFFF).
   *   3. If numericAllowed is false and no minimum restriction applies → leave as-is.
   *   4. Classify the codepoint to find the minimum required action level.
   *   5. Resolve effective action = max(onNCR, minimum).
   *   6. Apply and return.
   *
   * @param {string} token  — e.g. '#38', '#x26', '#X26'
   * @returns {string|undefined}
   *   - string (incl. '')  — replacement ('' = remove)
   *   - undefined          — leave original &token; as-is
   */
  _resolveNCR(token) {
    const second = token.charCodeAt(1);
    let cp;
    if (second === 120 || second === 88) {
      cp = parseInt(token.slice(2), 16);
    } else {
      cp = parseInt(token.slice(1), 10);
    }
    if (Number.isNaN(cp) || cp < 0 || cp > 1114111) return void 0;
    const minimum = this._classifyNCR(cp);
    if (!this._numericAllowed && minimum < NCR_LEVEL.remove) return void 0;
    const effective = minimum === -1 ? this._ncrOnLevel : Math.max(this._ncrOnLevel, minimum);
    return this._applyNCRAction(effective, token, cp);
  }
};

// node_modules/fast-xml-parser/src/xmlparser/OptionsBuilder.js
var defaultOnDangerousProperty = (name) => {
  if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return "__" + name;
  }
  return name;
};
var defaultOptions2 = {
  preserveOrder: false,
  attributeNamePrefix: "@_",
  attributesGroupName: false,
  textNodeName: "#text",
  ignoreAttributes: true,
  removeNSPrefix: false,
  // remove NS from tag name or attribute name if true
  allowBooleanAttributes: false,
  //a tag can have attributes without any value
  //ignoreRootElement : false,
  parseTagValue: true,
  parseAttributeValue: false,
  trimValues: true,
  //Trim string values of tag and attributes
  cdataPropName: false,
  numberParseOptions: {
    hex: true,
    leadingZeros: true,
    eNotation: true,
    unicode: false
  },
  tagValueProcessor: function(tagName, val) {
    return val;
  },
  attributeValueProcessor: function(attrName, val) {
    return val;
  },
  stopNodes: [],
  //nested tags will not be parsed even for errors
  alwaysCreateTextNode: false,
  isArray: () => false,
  commentPropName: false,
  unpairedTags: [],
  processEntities: true,
  htmlEntities: false,
  entityDecoder: null,
  ignoreDeclaration: false,
  ignorePiTags: false,
  transformTagName: false,
  transformAttributeName: false,
  updateTag: function(tagName, jPath, attrs) {
    return tagName;
  },
  // skipEmptyListItem: false
  captureMetaData: false,
  maxNestedTags: 100,
  strictReservedNames: true,
  jPath: true,
  // if true, pass jPath string to callbacks; if false, pass matcher instance
  onDangerousProperty: defaultOnDangerousProperty
};
function validatePropertyName(propertyName, optionName) {
  if (typeof propertyName !== "string") {
    return;
  }
  const normalized = propertyName.toLowerCase();
  if (DANGEROUS_PROPERTY_NAMES.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
  if (criticalProperties.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
}
function normalizeProcessEntities(value, htmlEntities) {
  if (typeof value === "boolean") {
    return {
      enabled: value,
      // true or false
      maxEntitySize: 1e4,
      maxExpansionDepth: 1e4,
      maxTotalExpansions: Infinity,
      maxExpandedLength: 1e5,
      maxEntityCount: 1e3,
      allowedTags: null,
      tagFilter: null,
      appliesTo: "all"
    };
  }
  if (typeof value === "object" && value !== null) {
    return {
      enabled: value.enabled !== false,
      maxEntitySize: Math.max(1, value.maxEntitySize ?? 1e4),
      maxExpansionDepth: Math.max(1, value.maxExpansionDepth ?? 1e4),
      maxTotalExpansions: Math.max(1, value.maxTotalExpansions ?? Infinity),
      maxExpandedLength: Math.max(1, value.maxExpandedLength ?? 1e5),
      maxEntityCount: Math.max(1, value.maxEntityCount ?? 1e3),
      allowedTags: value.allowedTags ?? null,
      tagFilter: value.tagFilter ?? null,
      appliesTo: value.appliesTo ?? "all"
    };
  }
  return normalizeProcessEntities(true);
}
var buildOptions = function(options) {
  const built = Object.assign({}, defaultOptions2, options);
  const propertyNameOptions = [
    { value: built.attributeNamePrefix, name: "attributeNamePrefix" },
    { value: built.attributesGroupName, name: "attributesGroupName" },
    { value: built.textNodeName, name: "textNodeName" },
    { value: built.cdataPropName, name: "cdataPropName" },
    { value: built.commentPropName, name: "commentPropName" }
  ];
  for (const { value, name } of propertyNameOptions) {
    if (value) {
      validatePropertyName(value, name);
    }
  }
  if (built.onDangerousProperty === null) {
    built.onDangerousProperty = defaultOnDangerousProperty;
  }
  built.processEntities = normalizeProcessEntities(built.processEntities, built.htmlEntities);
  built.unpairedTagsSet = new Set(built.unpairedTags);
  if (built.stopNodes && Array.isArray(built.stopNodes)) {
    built.stopNodes = built.stopNodes.map((node) => {
      if (typeof node === "string" && node.startsWith("*.")) {
        return ".." + node.substring(2);
      }
      return node;
    });
  }
  return built;
};

// node_modules/fast-xml-parser/src/xmlparser/xmlNode.js
var METADATA_SYMBOL;
if (typeof Symbol !== "function") {
  METADATA_SYMBOL = "@@xmlMetadata";
} else {
  METADATA_SYMBOL = /* @__PURE__ */ Symbol("XML Node Metadata");
}
var XmlNode = class {
  constructor(tagname) {
    this.tagname = tagname;
    this.child = [];
    this[":@"] = /* @__PURE__ */ Object.create(null);
  }
  add(key, val) {
    if (key === "__proto__") key = "#__proto__";
    this.child.push({ [key]: val });
  }
  addChild(node, startIndex) {
    if (node.tagname === "__proto__") node.tagname = "#__proto__";
    if (node[":@"] && Object.keys(node[":@"]).length > 0) {
      this.child.push({ [node.tagname]: node.child, [":@"]: node[":@"] });
    } else {
      this.child.push({ [node.tagname]: node.child });
    }
    this.addStartIndex(startIndex);
  }
  addStartIndex(startIndex) {
    if (startIndex !== void 0) {
      this.child[this.child.length - 1][METADATA_SYMBOL] = { startIndex };
    }
  }
  addEndIndex(endIndex) {
    const lastChild = this.child[this.child.length - 1];
    if (lastChild !== void 0 && lastChild[METADATA_SYMBOL] !== void 0 && lastChild[METADATA_SYMBOL].endIndex === void 0) {
      lastChild[METADATA_SYMBOL].endIndex = endIndex;
    }
  }
  /** symbol used for metadata */
  static getMetaDataSymbol() {
    return METADATA_SYMBOL;
  }
};

// node_modules/xml-naming/src/index.js
var nameStartChar10 = ":A-Za-z_\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD";
var nameChar10 = nameStartChar10 + "\\-\\.\\d\xB7\u0300-\u036F\u203F-\u2040";
var nameStartChar11 = ":A-Za-z_\xC0-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
var nameChar11 = nameStartChar11 + "\\-\\.\\d\xB7\u0300-\u036F\u0487\u203F-\u2040";
var buildRegexes = (startChar, char, flags = "") => {
  const ncStart = startChar.replace(":", "");
  const ncChar = char.replace(":", "");
  const ncNamePat = `[${ncStart}][${ncChar}]*`;
  return {
    name: new RegExp(`^[${startChar}][${char}]*$`, flags),
    ncName: new RegExp(`^${ncNamePat}$`, flags),
    qName: new RegExp(`^${ncNamePat}(?::${ncNamePat})?$`, flags),
    nmToken: new RegExp(`^[${char}]+$`, flags),
    nmTokens: new RegExp(`^[${char}]+(?:\\s+[${char}]+)*$`, flags)
  };
};
var regexes10 = buildRegexes(nameStartChar10, nameChar10);
var regexes11 = buildRegexes(nameStartChar11, nameChar11, "u");
var nameStartCharAscii = ":A-Za-z_";
var nameCharAscii = nameStartCharAscii + "\\-\\.\\d";
var regexesAscii = buildRegexes(nameStartCharAscii, nameCharAscii);
var getRegexes = (xmlVersion = "1.0", asciiOnly = false) => {
  if (asciiOnly) return regexesAscii;
  return xmlVersion === "1.1" ? regexes11 : regexes10;
};
var qName = (str, { xmlVersion = "1.0", asciiOnly = false } = {}) => getRegexes(xmlVersion, asciiOnly).qName.test(str);

// node_modules/fast-xml-parser/src/xmlparser/DocTypeReader.js
var DocTypeReader = class {
  constructor(options, xmlVersion) {
    this.suppressValidationErr = !options;
    this.options = options;
    this.xmlVersion = xmlVersion || 1;
  }
  setXmlVersion(xmlVersion = 1) {
    this.xmlVersion = xmlVersion;
  }
  readDocType(xmlData, i) {
    const entities = /* @__PURE__ */ Object.create(null);
    let entityCount = 0;
    if (xmlData[i + 3] === "O" && xmlData[i + 4] === "C" && xmlData[i + 5] === "T" && xmlData[i + 6] === "Y" && xmlData[i + 7] === "P" && xmlData[i + 8] === "E") {
      i = i + 9;
      let angleBracketsCount = 1;
      let hasBody = false, comment = false;
      let quoteChar = null;
      let exp = "";
      for (; i < xmlData.length; i++) {
        if (quoteChar !== null) {
          if (xmlData[i] === quoteChar) quoteChar = null;
          exp += xmlData[i];
          continue;
        }
        if (!hasBody && !comment && (xmlData[i] === '"' || xmlData[i] === "'")) {
          quoteChar = xmlData[i];
          exp += xmlData[i];
          continue;
        }
        if (xmlData[i] === "<" && !comment) {
          if (hasBody && hasSeq(xmlData, "!ENTITY", i)) {
            i += 7;
            let entityName, val;
            [entityName, val, i] = this.readEntityExp(xmlData, i + 1, this.suppressValidationErr);
            if (val.indexOf("&") === -1) {
              if (this.options.enabled !== false && this.options.maxEntityCount != null && entityCount >= this.options.maxEntityCount) {
                throw new Error(
                  `Entity count (${entityCount + 1}) exceeds maximum allowed (${this.options.maxEntityCount})`
                );
              }
              entities[entityName] = val;
              entityCount++;
            }
          } else if (hasBody && hasSeq(xmlData, "!ELEMENT", i)) {
            i += 8;
            const { index } = this.readElementExp(xmlData, i + 1);
            i = index;
          } else if (hasBody && hasSeq(xmlData, "!ATTLIST", i)) {
            i += 8;
          } else if (hasBody && hasSeq(xmlData, "!NOTATION", i)) {
            i += 9;
            const { index } = this.readNotationExp(xmlData, i + 1, this.suppressValidationErr);
            i = index;
          } else if (hasSeq(xmlData, "!--", i)) comment = true;
          else throw new Error(`Invalid DOCTYPE`);
          angleBracketsCount++;
          exp = "";
        } else if (xmlData[i] === ">") {
          if (comment) {
            if (xmlData[i - 1] === "-" && xmlData[i - 2] === "-") {
              comment = false;
              angleBracketsCount--;
            }
          } else {
            angleBracketsCount--;
          }
          if (angleBracketsCount === 0) {
            break;
          }
        } else if (xmlData[i] === "[") {
          hasBody = true;
        } else {
          exp += xmlData[i];
        }
      }
      if (quoteChar !== null || angleBracketsCount !== 0) {
        throw new Error(`Unclosed DOCTYPE`);
      }
    } else {
      throw new Error(`Invalid Tag instead of DOCTYPE`);
    }
    return { entities, i };
  }
  readEntityExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i]) && xmlData[i] !== '"' && xmlData[i] !== "'") {
      i++;
    }
    let entityName = xmlData.substring(startIndex, i);
    validateEntityName2(entityName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    if (!this.suppressValidationErr) {
      if (xmlData.substring(i, i + 6).toUpperCase() === "SYSTEM") {
        throw new Error("External entities are not supported");
      } else if (xmlData[i] === "%") {
        throw new Error("Parameter entities are not supported");
      }
    }
    let entityValue = "";
    [i, entityValue] = this.readIdentifierVal(xmlData, i, "entity");
    if (this.options.enabled !== false && this.options.maxEntitySize != null && entityValue.length > this.options.maxEntitySize) {
      throw new Error(
        `Entity "${entityName}" size (${entityValue.length}) exceeds maximum allowed size (${this.options.maxEntitySize})`
      );
    }
    i--;
    return [entityName, entityValue, i];
  }
  readNotationExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let notationName = xmlData.substring(startIndex, i);
    !this.suppressValidationErr && validateEntityName2(notationName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    const identifierType = xmlData.substring(i, i + 6).toUpperCase();
    if (!this.suppressValidationErr && identifierType !== "SYSTEM" && identifierType !== "PUBLIC") {
      throw new Error(`Expected SYSTEM or PUBLIC, found "${identifierType}"`);
    }
    i += identifierType.length;
    i = skipWhitespace(xmlData, i);
    let publicIdentifier = null;
    let systemIdentifier = null;
    if (identifierType === "PUBLIC") {
      [i, publicIdentifier] = this.readIdentifierVal(xmlData, i, "publicIdentifier");
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] === '"' || xmlData[i] === "'") {
        [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      }
    } else if (identifierType === "SYSTEM") {
      [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      if (!this.suppressValidationErr && !systemIdentifier) {
        throw new Error("Missing mandatory system identifier for SYSTEM notation");
      }
    }
    return { notationName, publicIdentifier, systemIdentifier, index: --i };
  }
  readIdentifierVal(xmlData, i, type) {
    let identifierVal = "";
    const startChar = xmlData[i];
    if (startChar !== '"' && startChar !== "'") {
      throw new Error(`Expected quoted string, found "${startChar}"`);
    }
    i++;
    const startIndex = i;
    while (i < xmlData.length && xmlData[i] !== startChar) {
      i++;
    }
    identifierVal = xmlData.substring(startIndex, i);
    if (xmlData[i] !== startChar) {
      throw new Error(`Unterminated ${type} value`);
    }
    i++;
    return [i, identifierVal];
  }
  readElementExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName2 = xmlData.substring(startIndex, i);
    if (!this.suppressValidationErr && !qName(elementName2, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid element name: "${elementName2}"`);
    }
    i = skipWhitespace(xmlData, i);
    let contentModel = "";
    if (xmlData[i] === "E" && hasSeq(xmlData, "MPTY", i)) i += 4;
    else if (xmlData[i] === "A" && hasSeq(xmlData, "NY", i)) i += 2;
    else if (xmlData[i] === "(") {
      i++;
      const startIndex2 = i;
      while (i < xmlData.length && xmlData[i] !== ")") {
        i++;
      }
      contentModel = xmlData.substring(startIndex2, i);
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated content model");
      }
    } else if (!this.suppressValidationErr) {
      throw new Error(`Invalid Element Expression, found "${xmlData[i]}"`);
    }
    return {
      elementName: elementName2,
      contentModel: contentModel.trim(),
      index: i
    };
  }
  readAttlistExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    let startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName2 = xmlData.substring(startIndex, i);
    validateEntityName2(elementName2, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let attributeName = xmlData.substring(startIndex, i);
    if (!validateEntityName2(attributeName, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid attribute name: "${attributeName}"`);
    }
    i = skipWhitespace(xmlData, i);
    let attributeType = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "NOTATION") {
      attributeType = "NOTATION";
      i += 8;
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] !== "(") {
        throw new Error(`Expected '(', found "${xmlData[i]}"`);
      }
      i++;
      let allowedNotations = [];
      while (i < xmlData.length && xmlData[i] !== ")") {
        const startIndex2 = i;
        while (i < xmlData.length && xmlData[i] !== "|" && xmlData[i] !== ")") {
          i++;
        }
        let notation = xmlData.substring(startIndex2, i);
        notation = notation.trim();
        if (!validateEntityName2(notation, { xmlVersion: this.xmlVersion })) {
          throw new Error(`Invalid notation name: "${notation}"`);
        }
        allowedNotations.push(notation);
        if (xmlData[i] === "|") {
          i++;
          i = skipWhitespace(xmlData, i);
        }
      }
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated list of notations");
      }
      i++;
      attributeType += " (" + allowedNotations.join("|") + ")";
    } else {
      const startIndex2 = i;
      while (i < xmlData.length && !/\s/.test(xmlData[i])) {
        i++;
      }
      attributeType += xmlData.substring(startIndex2, i);
      const validTypes = ["CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"];
      if (!this.suppressValidationErr && !validTypes.includes(attributeType.toUpperCase())) {
        throw new Error(`Invalid attribute type: "${attributeType}"`);
      }
    }
    i = skipWhitespace(xmlData, i);
    let defaultValue = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "#REQUIRED") {
      defaultValue = "#REQUIRED";
      i += 8;
    } else if (xmlData.substring(i, i + 7).toUpperCase() === "#IMPLIED") {
      defaultValue = "#IMPLIED";
      i += 7;
    } else {
      [i, defaultValue] = this.readIdentifierVal(xmlData, i, "ATTLIST");
    }
    return {
      elementName: elementName2,
      attributeName,
      attributeType,
      defaultValue,
      index: i
    };
  }
};
var skipWhitespace = (data, index) => {
  while (index < data.length && /\s/.test(data[index])) {
    index++;
  }
  return index;
};
function hasSeq(data, seq, i) {
  for (let j = 0; j < seq.length; j++) {
    if (seq[j] !== data[i + j + 1]) return false;
  }
  return true;
}
function validateEntityName2(name, xmlVersion) {
  if (qName(name, { xmlVersion }))
    return name;
  else
    throw new Error(`Invalid entity name ${name}`);
}

// node_modules/anynum/digitTable.js
var SCRIPT_ZEROS = [
  // Basic Latin (ASCII) — included for completeness / pass-through
  48,
  // 0-9
  // Arabic scripts
  1632,
  // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
  1776,
  // Extended Arabic-Indic (Urdu/Persian/Sindhi) ۰۱۲۳
  // Indic scripts
  2406,
  // Devanagari ०१२३४५६७८९
  2534,
  // Bengali ০১২৩৪৫৬৭৮৯
  2662,
  // Gurmukhi ੦੧੨੩੪੫੬੭੮੯
  2790,
  // Gujarati ૦૧૨૩૪૫૬૭૮૯
  2918,
  // Odia ୦୧୨୩୪୫୬୭୮୯
  3046,
  // Tamil ௦௧௨௩௪௫௬௭௮௯
  3174,
  // Telugu ౦౧౨౩౪౫౬౭౮౯
  3302,
  // Kannada ೦೧೨೩೪೫೬೭೮೯
  3430,
  // Malayalam ൦൧൨൩൪൫൬൭൮൯
  3558,
  // Sinhala Archaic ෦෧෨෩෪෫෬෭෮෯
  // Southeast Asian scripts
  3664,
  // Thai ๐๑๒๓๔๕๖๗๘๙
  3792,
  // Lao ໐໑໒໓໔໕໖໗໘໙
  3872,
  // Tibetan ༠༡༢༣༤༥༦༧༨༩
  4160,
  // Myanmar ၀၁၂၃၄၅၆၇၈၉
  4240,
  // Myanmar Shan ႐႑႒႓႔႕႖႗႘႙
  6112,
  // Khmer ០១២៣៤៥៦៧៨៩
  6160,
  // Mongolian ᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙
  6470,
  // Limbu ᥆᥇᥈᥉᥊᥋᥌᥍᥎᥏
  6608,
  // New Tai Lue ᧐᧑᧒᧓᧔᧕᧖᧗᧘᧙
  6784,
  // Tai Tham Hora ᪀᪁᪂᪃᪄᪅᪆᪇᪈᪉
  6800,
  // Tai Tham Tham ᪐᪑᪒᪓᪔᪕᪖᪗᪘᪙
  6992,
  // Balinese ᭐᭑᭒᭓᭔᭕᭖᭗᭘᭙
  7088,
  // Sundanese ᮰᮱᮲᮳᮴᮵᮶᮷᮸᮹
  7232,
  // Lepcha ᱀᱁᱂᱃᱄᱅᱆᱇᱈᱉
  7248,
  // Ol Chiki ᱐᱑᱒᱓᱔᱕᱖᱗᱘᱙
  // Fullwidth (CJK context)
  65296,
  // Fullwidth ０１２３４５６７８９
  // Mathematical digit variants (Unicode math block)
  120782,
  // Mathematical Bold
  120792,
  // Mathematical Double-Struck
  120802,
  // Mathematical Sans-Serif
  120812,
  // Mathematical Sans-Serif Bold
  120822,
  // Mathematical Monospace
  // Other scripts
  66720,
  // Osmanya 𐒠𐒡𐒢𐒣𐒤𐒥𐒦𐒧𐒨𐒩
  68912,
  // Hanifi Rohingya 𐴰𐴱𐴲𐴳𐴴𐴵𐴶𐴷𐴸𐴹
  69734,
  // Brahmi 𑁦𑁧𑁨𑁩𑁪𑁫𑁬𑁭𑁮𑁯
  69872,
  // Sora Sompeng 𑃰𑃱𑃲𑃳𑃴𑃵𑃶𑃷𑃸𑃹
  69942,
  // Chakma 𑄶𑄷𑄸𑄹𑄺𑄻𑄼𑄽𑄾𑄿
  70096,
  // Sharada 𑇐𑇑𑇒𑇓𑇔𑇕𑇖𑇗𑇘𑇙
  70384,
  // Khudawadi 𑋰𑋱𑋲𑋳𑋴𑋵𑋶𑋷𑋸𑋹
  70736,
  // Newa 𑑐𑑑𑑒𑑓𑑔𑑕𑑖𑑗𑑘𑑙
  70864,
  // Tirhuta 𑓐𑓑𑓒𑓓𑓔𑓕𑓖𑓗𑓘𑓙
  71248,
  // Modi 𑙐𑙑𑙒𑙓𑙔𑙕𑙖𑙗𑙘𑙙
  71360,
  // Takri 𑛀𑛁𑛂𑛃𑛄𑛅𑛆𑛇𑛈𑛉
  71472,
  // Ahom 𑜰𑜱𑜲𑜳𑜴𑜵𑜶𑜷𑜸𑜹
  71904,
  // Warang Citi 𑣠𑣡𑣢𑣣𑣤𑣥𑣦𑣧𑣨𑣩
  72016,
  // Dives Akuru 𑥐𑥑𑥒𑥓𑥔𑥕𑥖𑥗𑥘𑥙
  72688,
  // Khitan Small Script 𑯰𑯱𑯲𑯳𑯴𑯵𑯶𑯷𑯸𑯹
  72784,
  // Bhaiksuki 𑱐𑱑𑱒𑱓𑱔𑱕𑱖𑱗𑱘𑱙
  73040,
  // Masaram Gondi 𑵐𑵑𑵒𑵓𑵔𑵕𑵖𑵗𑵘𑵙
  73120,
  // Gunjala Gondi 𑶠𑶡𑶢𑶣𑶤𑶥𑶦𑶧𑶨𑶩
  73552,
  // Kawi 𑽐𑽑𑽒𑽓𑽔𑽕𑽖𑽗𑽘𑽙
  92768,
  // Mro 𖩠𖩡𖩢𖩣𖩤𖩥𖩦𖩧𖩨𖩩
  92864,
  // Tangsa 𖫀𖫁𖫂𖫃𖫄𖫅𖫆𖫇𖫈𖫉
  93008,
  // Pahawh Hmong 𖭐𖭑𖭒𖭓𖭔𖭕𖭖𖭗𖭘𖭙
  123200,
  // Nyiakeng Puachue Hmong 𞅀𞅁𞅂𞅃𞅄𞅅𞅆𞅇𞅈𞅉
  123632,
  // Wancho 𞋰𞋱𞋲𞋳𞋴𞋵𞋶𞋷𞋸𞋹
  124144,
  // Nag Mundari 𞓰𞓱𞓲𞓳𞓴𞓵𞓶𞓷𞓸𞓹
  125264,
  // Adlam 𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙
  130032
  // Segmented digit symbols 🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹
];
var NOT_DIGIT = 255;
var HIGH_MAP = /* @__PURE__ */ new Map();
var LOW_MAX = 65535;
var LOW_MIN = 1632;
var TABLE_OFFSET = LOW_MIN;
var TABLE_SIZE = LOW_MAX - LOW_MIN + 1;
var TABLE = new Uint8Array(TABLE_SIZE).fill(NOT_DIGIT);
for (const zero of SCRIPT_ZEROS) {
  for (let d = 0; d < 10; d++) {
    const cp = zero + d;
    if (cp <= LOW_MAX) {
      TABLE[cp - TABLE_OFFSET] = d;
    } else {
      HIGH_MAP.set(cp, d);
    }
  }
}

// node_modules/anynum/anynum.js
var CHAR_0 = 48;
var CHAR_9 = 57;
var CHAR_MINUS = 45;
var MINUS_SET = /* @__PURE__ */ new Set([8722, 65293, 65123]);
function anynum(str) {
  if (typeof str !== "string") return str;
  const len = str.length;
  if (len === 0) return str;
  let firstHit = -1;
  for (let i = 0; i < len; i++) {
    const cc = str.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) continue;
    if (cc < TABLE_OFFSET) {
      if (MINUS_SET.has(cc)) {
        firstHit = i;
        break;
      }
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          if (HIGH_MAP.has(cp)) {
            firstHit = i;
            break;
          }
        }
      }
      continue;
    }
    if (TABLE[cc - TABLE_OFFSET] !== NOT_DIGIT || MINUS_SET.has(cc)) {
      firstHit = i;
      break;
    }
  }
  if (firstHit === -1) return str;
  const chars = [];
  if (firstHit > 0) chars.push(str.slice(0, firstHit));
  for (let i = firstHit; i < len; i++) {
    const cc = str.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) {
      chars.push(str[i]);
      continue;
    }
    if (cc < TABLE_OFFSET) {
      chars.push(MINUS_SET.has(cc) ? "-" : str[i]);
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          const d2 = HIGH_MAP.get(cp);
          if (d2 !== void 0) {
            chars.push(String.fromCharCode(d2 + 48));
            i++;
            continue;
          }
        }
      }
      chars.push(str[i]);
      continue;
    }
    if (MINUS_SET.has(cc)) {
      chars.push("-");
      continue;
    }
    const d = TABLE[cc - TABLE_OFFSET];
    chars.push(d !== NOT_DIGIT ? String.fromCharCode(d + 48) : str[i]);
  }
  return chars.join("");
}
var anynum_default = anynum;

// node_modules/strnum/strnum.js
var hexRegex = /^[-+]?0x[a-fA-F0-9]+$/;
var binRegex = /^0b[01]+$/;
var octRegex = /^0o[0-7]+$/;
var numRegex = /^([\-\+])?(0*)([0-9]*(\.[0-9]*)?)$/;
var consider = {
  hex: true,
  binary: false,
  octal: false,
  leadingZeros: true,
  decimalPoint: ".",
  eNotation: true,
  //skipLike: /regex/,
  infinity: "original",
  // "null", "infinity" (Infinity type), "string" ("Infinity" (the string literal))
  unicode: false
};
function toNumber(str, options = {}) {
  options = Object.assign({}, consider, options);
  if (!str || typeof str !== "string") return str;
  let trimmedStr = str.trim();
  if (trimmedStr.length === 0) return str;
  else if (options.skipLike !== void 0 && options.skipLike.test(trimmedStr)) return str;
  else if (trimmedStr === "0") return 0;
  if (options.unicode) {
    trimmedStr = anynum_default(trimmedStr);
    if (trimmedStr === "0") return 0;
  }
  if (options.hex && hexRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 16);
  } else if (options.binary && binRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 2);
  } else if (options.octal && octRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 8);
  } else if (!isFinite(trimmedStr)) {
    const num = Number(trimmedStr);
    if (Number.isNaN(num)) return str;
    return handleInfinity(str, num, options);
  } else if (trimmedStr.includes("e") || trimmedStr.includes("E")) {
    return resolveEnotation(str, trimmedStr, options);
  } else {
    const match = numRegex.exec(trimmedStr);
    if (match) {
      const sign2 = match[1] || "";
      const leadingZeros = match[2];
      let numTrimmedByZeros = trimZeros(match[3]);
      const decimalAdjacentToLeadingZeros = sign2 ? (
        // 0., -00., 000.
        trimmedStr[leadingZeros.length + 1] === "."
      ) : trimmedStr[leadingZeros.length] === ".";
      if (!options.leadingZeros && (leadingZeros.length > 1 || leadingZeros.length === 1 && !decimalAdjacentToLeadingZeros)) {
        return str;
      } else {
        const num = Number(trimmedStr);
        const parsedStr = String(num);
        if (num === 0) return num;
        if (parsedStr.search(/[eE]/) !== -1) {
          if (options.eNotation) return num;
          else return str;
        } else if (trimmedStr.indexOf(".") !== -1) {
          if (parsedStr === "0") return num;
          else if (parsedStr === numTrimmedByZeros) return num;
          else if (parsedStr === `${sign2}${numTrimmedByZeros}`) return num;
          else return str;
        }
        let n = leadingZeros ? numTrimmedByZeros : trimmedStr;
        if (leadingZeros) {
          return n === parsedStr || sign2 + n === parsedStr ? num : str;
        } else {
          return n === parsedStr || n === sign2 + parsedStr ? num : str;
        }
      }
    } else {
      return str;
    }
  }
}
var eNotationRegx = /^([-+])?(0*)(\d*(\.\d*)?[eE][-\+]?\d+)$/;
function resolveEnotation(str, trimmedStr, options) {
  if (!options.eNotation) return str;
  const notation = trimmedStr.match(eNotationRegx);
  if (notation) {
    let sign2 = notation[1] || "";
    const eChar = notation[3].indexOf("e") === -1 ? "E" : "e";
    const leadingZeros = notation[2];
    const eAdjacentToLeadingZeros = sign2 ? (
      // 0E.
      trimmedStr[leadingZeros.length + 1] === eChar
    ) : trimmedStr[leadingZeros.length] === eChar;
    if (leadingZeros.length > 1 && eAdjacentToLeadingZeros) return str;
    else if (leadingZeros.length === 1 && (notation[3].startsWith(`.${eChar}`) || notation[3][0] === eChar)) {
      return Number(trimmedStr);
    } else if (leadingZeros.length > 0) {
      if (options.leadingZeros && !eAdjacentToLeadingZeros) {
        return Number(trimmedStr);
      } else return str;
    } else {
      return Number(trimmedStr);
    }
  } else {
    return str;
  }
}
function trimZeros(numStr) {
  if (numStr && numStr.indexOf(".") !== -1) {
    let end = numStr.length;
    while (end > 0 && numStr.charCodeAt(end - 1) === 48) end--;
    numStr = numStr.slice(0, end);
    if (numStr === ".") numStr = "0";
    else if (numStr[0] === ".") numStr = "0" + numStr;
    else if (numStr[numStr.length - 1] === ".") numStr = numStr.substring(0, numStr.length - 1);
    return numStr;
  }
  return numStr;
}
function parse_int(numStr, base) {
  const str = numStr.trim();
  if (base === 2 || base === 8) numStr = str.substring(2);
  if (parseInt) return parseInt(numStr, base);
  else if (Number.parseInt) return Number.parseInt(numStr, base);
  else if (window && window.parseInt) return window.parseInt(numStr, base);
  else throw new Error("parseInt, Number.parseInt, window.parseInt are not supported");
}
function handleInfinity(str, num, options) {
  const isPositive = num === Infinity;
  switch (options.infinity.toLowerCase()) {
    case "null":
      return null;
    case "infinity":
      return num;
    // Return Infinity or -Infinity
    case "string":
      return isPositive ? "Infinity" : "-Infinity";
    case "original":
    default:
      return str;
  }
}

// node_modules/fast-xml-parser/src/ignoreAttributes.js
function getIgnoreAttributesFn(ignoreAttributes) {
  if (typeof ignoreAttributes === "function") {
    return ignoreAttributes;
  }
  if (Array.isArray(ignoreAttributes)) {
    return (attrName) => {
      for (const pattern of ignoreAttributes) {
        if (typeof pattern === "string" && attrName === pattern) {
          return true;
        }
        if (pattern instanceof RegExp && pattern.test(attrName)) {
          return true;
        }
      }
    };
  }
  return () => false;
}

// node_modules/path-expression-matcher/src/Expression.js
var Expression = class {
  /**
   * Create a new Expression
   * @param {string} pattern - Pattern string (e.g., "root.users.user", "..user[id]")
   * @param {Object} options - Configuration options
   * @param {string} options.separator - Path separator (default: '.')
   */
  constructor(pattern, options = {}, data) {
    this.pattern = pattern;
    this.separator = options.separator || ".";
    this.segments = this._parse(pattern);
    this.data = data;
    this._hasDeepWildcard = this.segments.some((seg) => seg.type === "deep-wildcard");
    this._hasAttributeCondition = this.segments.some((seg) => seg.attrName !== void 0);
    this._hasPositionSelector = this.segments.some((seg) => seg.position !== void 0);
  }
  /**
   * Parse pattern string into segments
   * @private
   * @param {string} pattern - Pattern to parse
   * @returns {Array} Array of segment objects
   */
  _parse(pattern) {
    const segments = [];
    let i = 0;
    let currentPart = "";
    while (i < pattern.length) {
      if (pattern[i] === this.separator) {
        if (i + 1 < pattern.length && pattern[i + 1] === this.separator) {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
            currentPart = "";
          }
          segments.push({ type: "deep-wildcard" });
          i += 2;
        } else {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
          }
          currentPart = "";
          i++;
        }
      } else {
        currentPart += pattern[i];
        i++;
      }
    }
    if (currentPart.trim()) {
      segments.push(this._parseSegment(currentPart.trim()));
    }
    return segments;
  }
  /**
   * Parse a single segment
   * @private
   * @param {string} part - Segment string (e.g., "user", "ns::user", "user[id]", "ns::user:first")
   * @returns {Object} Segment object
   */
  _parseSegment(part) {
    const segment = { type: "tag" };
    let bracketContent = null;
    let withoutBrackets = part;
    const bracketMatch = part.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);
    if (bracketMatch) {
      withoutBrackets = bracketMatch[1] + bracketMatch[3];
      if (bracketMatch[2]) {
        const content = bracketMatch[2].slice(1, -1);
        if (content) {
          bracketContent = content;
        }
      }
    }
    let namespace = void 0;
    let tagAndPosition = withoutBrackets;
    if (withoutBrackets.includes("::")) {
      const nsIndex = withoutBrackets.indexOf("::");
      namespace = withoutBrackets.substring(0, nsIndex).trim();
      tagAndPosition = withoutBrackets.substring(nsIndex + 2).trim();
      if (!namespace) {
        throw new Error(`Invalid namespace in pattern: ${part}`);
      }
    }
    let tag = void 0;
    let positionMatch = null;
    if (tagAndPosition.includes(":")) {
      const colonIndex = tagAndPosition.lastIndexOf(":");
      const tagPart = tagAndPosition.substring(0, colonIndex).trim();
      const posPart = tagAndPosition.substring(colonIndex + 1).trim();
      const isPositionKeyword = ["first", "last", "odd", "even"].includes(posPart) || /^nth\(\d+\)$/.test(posPart);
      if (isPositionKeyword) {
        tag = tagPart;
        positionMatch = posPart;
      } else {
        tag = tagAndPosition;
      }
    } else {
      tag = tagAndPosition;
    }
    if (!tag) {
      throw new Error(`Invalid segment pattern: ${part}`);
    }
    segment.tag = tag;
    if (namespace) {
      segment.namespace = namespace;
    }
    if (bracketContent) {
      if (bracketContent.includes("=")) {
        const eqIndex = bracketContent.indexOf("=");
        segment.attrName = bracketContent.substring(0, eqIndex).trim();
        segment.attrValue = bracketContent.substring(eqIndex + 1).trim();
      } else {
        segment.attrName = bracketContent.trim();
      }
    }
    if (positionMatch) {
      const nthMatch = positionMatch.match(/^nth\((\d+)\)$/);
      if (nthMatch) {
        segment.position = "nth";
        segment.positionValue = parseInt(nthMatch[1], 10);
      } else {
        segment.position = positionMatch;
      }
    }
    return segment;
  }
  /**
   * Get the number of segments
   * @returns {number}
   */
  get length() {
    return this.segments.length;
  }
  /**
   * Check if expression contains deep wildcard
   * @returns {boolean}
   */
  hasDeepWildcard() {
    return this._hasDeepWildcard;
  }
  /**
   * Check if expression has attribute conditions
   * @returns {boolean}
   */
  hasAttributeCondition() {
    return this._hasAttributeCondition;
  }
  /**
   * Check if expression has position selectors
   * @returns {boolean}
   */
  hasPositionSelector() {
    return this._hasPositionSelector;
  }
  /**
   * Get string representation
   * @returns {string}
   */
  toString() {
    return this.pattern;
  }
};

// node_modules/path-expression-matcher/src/ExpressionSet.js
var ExpressionSet = class {
  constructor() {
    this._byDepthAndTag = /* @__PURE__ */ new Map();
    this._wildcardByDepth = /* @__PURE__ */ new Map();
    this._deepWildcards = [];
    this._deepByTerminalTag = /* @__PURE__ */ new Map();
    this._patterns = /* @__PURE__ */ new Set();
    this._sealed = false;
  }
  /**
   * Add an Expression to the set.
   * Duplicate patterns (same pattern string) are silently ignored.
   *
   * @param {import('./Expression.js').default} expression - A pre-constructed Expression instance
   * @returns {this} for chaining
   * @throws {TypeError} if called after seal()
   *
   * @example
   * set.add(new Expression('root.users.user'));
   * set.add(new Expression('..script'));
   */
  add(expression) {
    if (this._sealed) {
      throw new TypeError(
        "ExpressionSet is sealed. Create a new ExpressionSet to add more expressions."
      );
    }
    if (this._patterns.has(expression.pattern)) return this;
    this._patterns.add(expression.pattern);
    if (expression.hasDeepWildcard()) {
      const lastSeg2 = expression.segments[expression.segments.length - 1];
      if (lastSeg2 && lastSeg2.type !== "deep-wildcard" && lastSeg2.tag !== "*") {
        const tag2 = lastSeg2.tag;
        if (!this._deepByTerminalTag.has(tag2)) this._deepByTerminalTag.set(tag2, []);
        this._deepByTerminalTag.get(tag2).push(expression);
      } else {
        this._deepWildcards.push(expression);
      }
      return this;
    }
    const depth = expression.length;
    const lastSeg = expression.segments[expression.segments.length - 1];
    const tag = lastSeg?.tag;
    if (!tag || tag === "*") {
      if (!this._wildcardByDepth.has(depth)) this._wildcardByDepth.set(depth, []);
      this._wildcardByDepth.get(depth).push(expression);
    } else {
      const key = `${depth}:${tag}`;
      if (!this._byDepthAndTag.has(key)) this._byDepthAndTag.set(key, []);
      this._byDepthAndTag.get(key).push(expression);
    }
    return this;
  }
  /**
   * Add multiple expressions at once.
   *
   * @param {import('./Expression.js').default[]} expressions - Array of Expression instances
   * @returns {this} for chaining
   *
   * @example
   * set.addAll([
   *   new Expression('root.users.user'),
   *   new Expression('root.config.setting'),
   * ]);
   */
  addAll(expressions) {
    for (const expr of expressions) this.add(expr);
    return this;
  }
  /**
   * Check whether a pattern string is already present in the set.
   *
   * @param {import('./Expression.js').default} expression
   * @returns {boolean}
   */
  has(expression) {
    return this._patterns.has(expression.pattern);
  }
  /**
   * Number of expressions in the set.
   * @type {number}
   */
  get size() {
    return this._patterns.size;
  }
  /**
   * Seal the set against further modifications.
   * Useful to prevent accidental mutations after config is built.
   * Calling add() or addAll() on a sealed set throws a TypeError.
   *
   * @returns {this}
   */
  seal() {
    this._sealed = true;
    return this;
  }
  /**
   * Whether the set has been sealed.
   * @type {boolean}
   */
  get isSealed() {
    return this._sealed;
  }
  /**
   * Test whether the matcher's current path matches any expression in the set.
   *
   * Evaluation order (cheapest → most expensive):
   *  1. Exact depth + tag bucket  — O(1) lookup, typically 0–2 expressions
   *  2. Depth-only wildcard bucket — O(1) lookup, rare
   *  3. Deep-wildcard list         — always checked, but usually small
   *
   * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
   * @returns {boolean} true if any expression matches the current path
   *
   * @example
   * if (stopNodes.matchesAny(matcher)) {
   *   // handle stop node
   * }
   */
  matchesAny(matcher) {
    return this.findMatch(matcher) !== null;
  }
  /**
  * Find and return the first Expression that matches the matcher's current path.
  *
  * Uses the same evaluation order as matchesAny (cheapest → most expensive):
  *  1. Exact depth + tag bucket
  *  2. Depth-only wildcard bucket
  *  3. Deep-wildcard list
  *
  * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
  * @returns {import('./Expression.js').default | null} the first matching Expression, or null
  *
  * @example
  * const expr = stopNodes.findMatch(matcher);
  * if (expr) {
  *   // access expr.config, expr.pattern, etc.
  * }
  */
  findMatch(matcher) {
    const depth = matcher.getDepth();
    const tag = matcher.getCurrentTag();
    const exactKey = `${depth}:${tag}`;
    const exactBucket = this._byDepthAndTag.get(exactKey);
    if (exactBucket) {
      for (let i = 0; i < exactBucket.length; i++) {
        if (matcher.matches(exactBucket[i])) return exactBucket[i];
      }
    }
    const wildcardBucket = this._wildcardByDepth.get(depth);
    if (wildcardBucket) {
      for (let i = 0; i < wildcardBucket.length; i++) {
        if (matcher.matches(wildcardBucket[i])) return wildcardBucket[i];
      }
    }
    const deepBucket = this._deepByTerminalTag.get(tag);
    if (deepBucket) {
      for (let i = 0; i < deepBucket.length; i++) {
        if (matcher.matches(deepBucket[i])) return deepBucket[i];
      }
    }
    for (let i = 0; i < this._deepWildcards.length; i++) {
      if (matcher.matches(this._deepWildcards[i])) return this._deepWildcards[i];
    }
    return null;
  }
};

// node_modules/path-expression-matcher/src/Matcher.js
var MatcherView = class {
  /**
   * @param {Matcher} matcher - The parent Matcher instance to read from.
   */
  constructor(matcher) {
    this._matcher = matcher;
  }
  /**
   * Get the path separator used by the parent matcher.
   * @returns {string}
   */
  get separator() {
    return this._matcher.separator;
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return void 0;
    return path[path.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return false;
    const current = path[path.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {*}
   */
  getAnyParentAttr(attrName) {
    return this._matcher.getAnyParentAttr(attrName);
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    return this._matcher.hasAnyParentAttr(attrName);
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this._matcher.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    return this._matcher.toString(separator, includeNamespace);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this._matcher.path.map((n) => n.tag);
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    return this._matcher.matches(expression);
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this._matcher);
  }
};
var Matcher = class {
  /**
   * Create a new Matcher.
   * @param {Object} [options={}]
   * @param {string} [options.separator='.'] - Default path separator
   */
  constructor(options = {}) {
    this.separator = options.separator || ".";
    this.path = [];
    this.siblingStacks = [];
    this._pathStringCache = null;
    this._view = new MatcherView(this);
    this._keptAttrs = [];
  }
  /**
   * Push a new tag onto the path.
   * @param {string} tagName
   * @param {Object|null} [attrValues=null]
   * @param {string|null} [namespace=null]
   * @param {Object|null} [options=null]
   * @param {string[]} [options.keep] - Names of attributes (from attrValues)
   */
  push(tagName, attrValues = null, namespace = null, options = null) {
    this._pathStringCache = null;
    if (this.path.length > 0) {
      this.path[this.path.length - 1].values = void 0;
    }
    const currentLevel = this.path.length;
    let level = this.siblingStacks[currentLevel];
    if (!level) {
      level = { counts: /* @__PURE__ */ new Map(), total: 0 };
      this.siblingStacks[currentLevel] = level;
    }
    const siblingKey = namespace ? `${namespace}:${tagName}` : tagName;
    const counter = level.counts.get(siblingKey) || 0;
    const position = level.total;
    level.counts.set(siblingKey, counter + 1);
    level.total++;
    const node = {
      tag: tagName,
      position,
      counter
    };
    if (namespace !== null && namespace !== void 0) {
      node.namespace = namespace;
    }
    if (attrValues !== null && attrValues !== void 0) {
      node.values = attrValues;
    }
    this.path.push(node);
    const depth = this.path.length;
    const keep = options !== null ? options.keep : null;
    if (keep !== null && keep !== void 0 && keep.length > 0 && attrValues) {
      for (let i = 0; i < keep.length; i++) {
        const name = keep[i];
        if (attrValues[name] !== void 0) {
          this._keptAttrs.push({ depth, name, value: attrValues[name] });
        }
      }
    }
  }
  /**
   * Pop the last tag from the path.
   * @returns {Object|undefined} The popped node
   */
  pop() {
    if (this.path.length === 0) return void 0;
    this._pathStringCache = null;
    const node = this.path.pop();
    if (this.siblingStacks.length > this.path.length + 1) {
      this.siblingStacks.length = this.path.length + 1;
    }
    const poppedDepth = this.path.length + 1;
    while (this._keptAttrs.length > 0 && this._keptAttrs[this._keptAttrs.length - 1].depth >= poppedDepth) {
      this._keptAttrs.pop();
    }
    return node;
  }
  /**
   * Update current node's attribute values.
   * Useful when attributes are parsed after push.
   * @param {Object} attrValues
   */
  updateCurrent(attrValues) {
    if (this.path.length > 0) {
      const current = this.path[this.path.length - 1];
      if (attrValues !== null && attrValues !== void 0) {
        current.values = attrValues;
      }
    }
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    return this.path.length > 0 ? this.path[this.path.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    return this.path.length > 0 ? this.path[this.path.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    if (this.path.length === 0) return void 0;
    return this.path[this.path.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    if (this.path.length === 0) return false;
    const current = this.path[this.path.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * Unlike getAttrValue(), this works regardless of how deep the path has
   * gone since the attribute was pushed — but only for attribute names that
   * were explicitly marked with `keep` at push time. Cost is proportional to
   * the number of currently-kept attributes (typically 0-3), not path depth.
   * @param {string} attrName
   * @returns {*} the value, or undefined if no ancestor kept this attribute
   */
  getAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return kept[i].value;
    }
    return void 0;
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return true;
    }
    return false;
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    const sep2 = separator || this.separator;
    const isDefault = sep2 === this.separator && includeNamespace === true;
    if (isDefault) {
      if (this._pathStringCache !== null) {
        return this._pathStringCache;
      }
      const result = this.path.map(
        (n) => n.namespace ? `${n.namespace}:${n.tag}` : n.tag
      ).join(sep2);
      this._pathStringCache = result;
      return result;
    }
    return this.path.map(
      (n) => includeNamespace && n.namespace ? `${n.namespace}:${n.tag}` : n.tag
    ).join(sep2);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this.path.map((n) => n.tag);
  }
  /**
   * Reset the path to empty.
   */
  reset() {
    this._pathStringCache = null;
    this.path = [];
    this.siblingStacks = [];
    this._keptAttrs = [];
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    const segments = expression.segments;
    if (segments.length === 0) {
      return false;
    }
    if (expression.hasDeepWildcard()) {
      return this._matchWithDeepWildcard(segments);
    }
    return this._matchSimple(segments);
  }
  /**
   * @private
   */
  _matchSimple(segments) {
    if (this.path.length !== segments.length) {
      return false;
    }
    for (let i = 0; i < segments.length; i++) {
      if (!this._matchSegment(segments[i], this.path[i], i === this.path.length - 1)) {
        return false;
      }
    }
    return true;
  }
  /**
   * @private
   */
  _matchWithDeepWildcard(segments) {
    let pathIdx = this.path.length - 1;
    let segIdx = segments.length - 1;
    while (segIdx >= 0 && pathIdx >= 0) {
      const segment = segments[segIdx];
      if (segment.type === "deep-wildcard") {
        segIdx--;
        if (segIdx < 0) {
          return true;
        }
        const nextSeg = segments[segIdx];
        let found = false;
        for (let i = pathIdx; i >= 0; i--) {
          if (this._matchSegment(nextSeg, this.path[i], i === this.path.length - 1)) {
            pathIdx = i - 1;
            segIdx--;
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      } else {
        if (!this._matchSegment(segment, this.path[pathIdx], pathIdx === this.path.length - 1)) {
          return false;
        }
        pathIdx--;
        segIdx--;
      }
    }
    return segIdx < 0;
  }
  /**
   * @private
   */
  _matchSegment(segment, node, isCurrentNode) {
    if (segment.tag !== "*" && segment.tag !== node.tag) {
      return false;
    }
    if (segment.namespace !== void 0) {
      if (segment.namespace !== "*" && segment.namespace !== node.namespace) {
        return false;
      }
    }
    if (segment.attrName !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      if (!node.values || !(segment.attrName in node.values)) {
        return false;
      }
      if (segment.attrValue !== void 0) {
        if (String(node.values[segment.attrName]) !== String(segment.attrValue)) {
          return false;
        }
      }
    }
    if (segment.position !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      const counter = node.counter ?? 0;
      if (segment.position === "first" && counter !== 0) {
        return false;
      } else if (segment.position === "odd" && counter % 2 !== 1) {
        return false;
      } else if (segment.position === "even" && counter % 2 !== 0) {
        return false;
      } else if (segment.position === "nth" && counter !== segment.positionValue) {
        return false;
      }
    }
    return true;
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this);
  }
  /**
   * Create a snapshot of current state.
   * @returns {Object}
   */
  snapshot() {
    return {
      path: this.path.map((node) => ({ ...node })),
      siblingStacks: this.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level),
      keptAttrs: this._keptAttrs.map((entry) => ({ ...entry }))
    };
  }
  /**
   * Restore state from snapshot.
   * @param {Object} snapshot
   */
  restore(snapshot) {
    this._pathStringCache = null;
    this.path = snapshot.path.map((node) => ({ ...node }));
    this.siblingStacks = snapshot.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level);
    this._keptAttrs = (snapshot.keptAttrs || []).map((entry) => ({ ...entry }));
  }
  /**
   * Return the read-only {@link MatcherView} for this matcher.
   *
   * The same instance is returned on every call — no allocation occurs.
   * It always reflects the current parser state and is safe to pass to
   * user callbacks without risk of accidental mutation.
   *
   * @returns {MatcherView}
   *
   * @example
   * const view = matcher.readOnly();
   * // pass view to callbacks — it stays in sync automatically
   * view.matches(expr);       // ✓
   * view.getCurrentTag();     // ✓
   * // view.push(...)         // ✗ method does not exist — caught by TypeScript
   */
  readOnly() {
    return this._view;
  }
};

// node_modules/is-unsafe/src/contexts/html.js
var HTML_PATTERNS = [
  {
    id: "html-script-open",
    description: "<script opening tag",
    pattern: /<script[\s>/]/i
  },
  {
    id: "html-script-close",
    description: "</script closing tag",
    pattern: /<\/script[\s>]/i
  },
  {
    id: "html-javascript-protocol",
    description: "javascript: URI scheme (with optional whitespace/encoding)",
    // Handles j&#x61;vascript:, j\u0061vascript:, and whitespace variants
    pattern: /j[\t\n\r ]*a[\t\n\r ]*v[\t\n\r ]*a[\t\n\r ]*s[\t\n\r ]*c[\t\n\r ]*r[\t\n\r ]*i[\t\n\r ]*p[\t\n\r ]*t[\t\n\r ]*:/i
  },
  {
    id: "html-vbscript-protocol",
    description: "vbscript: URI scheme",
    pattern: /vbscript[\t\n\r ]*:/i
  },
  {
    id: "html-data-html",
    description: "data:text/html URI \u2014 can execute scripts in browsers",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*text\/html/i
  },
  {
    id: "html-data-xhtml",
    description: "data:application/xhtml+xml URI",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*application\/xhtml/i
  },
  {
    id: "html-data-svg",
    description: "data:image/svg+xml URI \u2014 can execute scripts",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*image\/svg\+xml/i
  },
  {
    id: "html-inline-event-handler",
    description: "Inline event handler attributes: onclick=, onerror=, onload=, etc.",
    // \bon ensures we match a word boundary so "phonetic=" is not caught
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "html-entity-obfuscated-script",
    description: "HTML-entity-encoded <script (e.g. &#x3C;script or &lt;script)",
    // Entities include optional trailing semicolon: &#x3C; or &#x3C (both valid in HTML5)
    pattern: /(?:&#x0*3[Cc];?|&#0*60;?|&lt;)\s*script/i
  },
  {
    id: "html-entity-obfuscated-javascript",
    description: 'HTML-entity-encoded javascript: (partial \u2014 catches common &#106; or &#x6a; for "j")',
    pattern: /(?:&#x0*6[Aa];?|&#0*106;?)\s*(?:&#x0*61;?|a)[\s\S]{0,80}script\s*:/i
  },
  {
    id: "html-style-expression",
    description: "CSS expression() \u2014 IE-era code execution in style attributes",
    pattern: /style[\s\S]{0,20}expression\s*\(/i
  },
  {
    id: "html-object-embed",
    description: "<object or <embed tags that can load active content",
    pattern: /<(?:object|embed)[\s>/]/i
  },
  {
    id: "html-base-tag",
    description: "<base href= \u2014 can hijack all relative URLs on a page",
    pattern: /<base[\s>]/i
  },
  {
    id: "html-meta-refresh",
    description: '<meta http-equiv="refresh" \u2014 can redirect users',
    pattern: /<meta[\s\S]{0,40}http-equiv[\s\S]{0,20}refresh/i
  },
  {
    id: "html-srcdoc",
    description: "srcdoc= attribute on iframes \u2014 embeds HTML that can run scripts",
    pattern: /srcdoc\s*=/i
  },
  {
    id: "html-iframe",
    description: "<iframe tag",
    pattern: /<iframe[\s>/]/i
  },
  {
    id: "html-form",
    description: "<form tag \u2014 can be used for phishing / credential harvesting injection",
    pattern: /<form[\s>/]/i
  }
];
var html_default = HTML_PATTERNS;

// node_modules/is-unsafe/src/contexts/xml.js
var XML_PATTERNS = [
  {
    id: "xml-cdata-injection",
    description: "CDATA section injection: <![CDATA[ breaks out of text node context",
    pattern: /<!\[CDATA\[/i
  },
  {
    id: "xml-cdata-close",
    description: "CDATA close sequence: ]]> can terminate an enclosing CDATA section",
    pattern: /\]\]>/
  },
  {
    id: "xml-processing-instruction",
    description: "XML processing instruction: <?xml-stylesheet or <?php etc.",
    pattern: /<\?(?:xml[\- ]|php|asp)/i
  },
  {
    id: "xml-doctype-injection",
    description: "DOCTYPE declaration embedded in content \u2014 can define entities",
    // Match <!DOCTYPE followed by end-of-string, whitespace, or [ (internal subset)
    pattern: /<!DOCTYPE(?:[\s[]|$)/i
  },
  {
    id: "xml-entity-system",
    description: "SYSTEM keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bSYSTEM\s+["']/i
  },
  {
    id: "xml-entity-public",
    description: "PUBLIC keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bPUBLIC\s+["']/i
  },
  {
    id: "xml-entity-declaration",
    description: "<!ENTITY declaration \u2014 defines entities, potential XXE or entity expansion",
    pattern: /<!ENTITY[\s%]/i
  },
  {
    id: "xml-billion-laughs",
    description: "Entity reference chaining / billion laughs: repeated &eX; style references",
    // Heuristic: 3+ consecutive entity refs suggests expansion attack
    pattern: /(?:&\w{1,20};){3,}/
  },
  {
    id: "xml-namespace-confusion",
    description: "xmlns: attribute injection \u2014 can redefine namespaces to confuse parsers",
    // pattern: /\bxmlns\s*(?::\w{1,40})?\s*=/i,
    pattern: /\bxmlns(?::\w{1,40})?\s*=/i
  },
  {
    id: "xml-comment-injection",
    description: "<!-- comment injection \u2014 can hide content from some parsers",
    pattern: /<!--/
  },
  {
    id: "xml-comment-close",
    description: "--> closes an enclosing XML comment",
    pattern: /-->/
  },
  {
    id: "xml-pi-close",
    description: "?> closes an enclosing processing instruction",
    pattern: /\?>/
  }
];
var xml_default = XML_PATTERNS;

// node_modules/is-unsafe/src/contexts/svg.js
var SVG_PATTERNS = [
  {
    id: "svg-script-element",
    description: "<script element inside SVG executes JavaScript",
    pattern: /<script[\s>/]/i
  },
  {
    id: "svg-xlink-href-javascript",
    description: "xlink:href with javascript: \u2014 classic SVG XSS via <a> or <use>",
    pattern: /xlink\s*:\s*href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-href-javascript",
    description: "href= with javascript: in SVG context (<a>, <animate>, etc.)",
    pattern: /href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-foreignobject",
    description: "<foreignObject embeds HTML inside SVG \u2014 can execute scripts",
    pattern: /<foreignObject[\s>/]/i
  },
  {
    id: "svg-use-external",
    description: "<use xlink:href or href pointing to external resource (non-fragment URL)",
    // Match <use with href= where the value starts with a non-# character (external URL)
    // [\"'][^#] catches quoted values not starting with #; [^\"'#\s>] catches unquoted
    pattern: /<use[\s\S]{0,60}(?:xlink\s*:\s*)?href\s*=\s*(?:["'][^#]|[^"'#\s>])/i
  },
  {
    id: "svg-animate-href",
    description: '<animate attributeName="href" \u2014 can dynamically change href to javascript:',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*href["']/i
  },
  {
    id: "svg-animate-xlinkhref",
    description: '<animate attributeName="xlink:href"',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*xlink\s*:\s*href["']/i
  },
  {
    id: "svg-set-javascript",
    description: '<set to="javascript:..." \u2014 sets an attribute to a javascript: URI',
    pattern: /<set[\s\S]{0,80}to\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-event-handler",
    description: "SVG-specific event handler attributes: onload=, onerror=, onactivate=, etc.",
    pattern: /\bon(?:load|error|activate|begin|end|repeat|focus|blur|click|mouse\w{1,20}|key\w{1,20})\s*=/i
  },
  {
    id: "svg-handler-generic",
    description: "Generic on* handler catch-all for SVG attributes",
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "svg-filter-feimage",
    description: "<feImage href= \u2014 filter primitive that can load external resources",
    pattern: /<feImage[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=/i
  },
  {
    id: "svg-image-external",
    description: "<image xlink:href with http/https or javascript protocol",
    pattern: /<image[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=\s*["']?\s*(?:https?|javascript)\s*:/i
  },
  {
    id: "svg-style-javascript",
    description: "style= attribute containing javascript: (e.g. background:url(javascript:...))",
    pattern: /style\s*=[\s\S]{0,60}javascript\s*:/i
  }
];
var svg_default = SVG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql.js
var SQL_PATTERNS = [
  {
    id: "sql-block-comment-open",
    description: "SQL block comment open: /* ... */ \u2014 unusual in legitimate user text",
    pattern: /\/\*/
  },
  {
    id: "sql-union-select",
    description: "UNION SELECT \u2014 most common SQL injection aggregation attack",
    pattern: /\bUNION\s{1,20}(?:ALL\s{1,20})?SELECT\b/i
  },
  {
    id: "sql-drop-table",
    description: "DROP TABLE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}TABLE\b/i
  },
  {
    id: "sql-drop-database",
    description: "DROP DATABASE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}DATABASE\b/i
  },
  {
    id: "sql-insert-into",
    description: "INSERT INTO \u2014 data injection",
    pattern: /\bINSERT\s{1,20}INTO\b/i
  },
  {
    id: "sql-delete-from",
    description: "DELETE FROM \u2014 data deletion injection",
    pattern: /\bDELETE\s{1,20}FROM\b/i
  },
  {
    id: "sql-update-set",
    description: "UPDATE ... SET \u2014 data modification injection",
    // Allows arbitrary content between UPDATE and SET (table name, alias, etc.)
    pattern: /\bUPDATE\b[\s\S]{1,60}\bSET\b/i
  },
  {
    id: "sql-exec-xp",
    description: "EXEC xp_ \u2014 MSSQL extended stored procedure execution",
    pattern: /\bEXEC(?:UTE)?\s{1,20}xp_/i
  },
  {
    id: "sql-tautology-string",
    description: `Classic string tautology: ' OR '1'='1 or " OR "1"="1"`,
    // Last quote is optional — injection may truncate it: ' OR '1'='1--
    pattern: /'\s{0,10}OR\s{0,10}'[^']{0,20}'\s*=\s*'[^']{0,20}/i
  },
  {
    id: "sql-tautology-numeric",
    description: "Numeric tautology: OR 1=1",
    pattern: /\bOR\s{1,10}1\s*=\s*1\b/i
  },
  {
    id: "sql-always-true-zero",
    description: "Numeric tautology: OR 0=0",
    pattern: /\bOR\s{1,10}0\s*=\s*0\b/i
  },
  {
    id: "sql-sleep-benchmark",
    description: "Time-based blind injection: SLEEP() or BENCHMARK()",
    pattern: /\b(?:SLEEP|BENCHMARK)\s*\(/i
  },
  {
    id: "sql-waitfor-delay",
    description: "MSSQL time-based blind injection: WAITFOR DELAY",
    pattern: /\bWAITFOR\s{1,20}DELAY\b/i
  },
  {
    id: "sql-char-function",
    description: "CHAR() function \u2014 used to obfuscate injected strings",
    pattern: /\bCHAR\s*\(\s*\d{1,3}/i
  },
  {
    id: "sql-information-schema",
    description: "INFORMATION_SCHEMA \u2014 reconnaissance query for table/column enumeration",
    pattern: /\bINFORMATION_SCHEMA\b/i
  }
];
var sql_default = SQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/shell.js
var SHELL_PATTERNS = [
  {
    id: "shell-path-traversal-unix",
    description: "Unix path traversal: ../  \u2014 climbing the directory tree",
    pattern: /\.\.\//
  },
  {
    id: "shell-path-traversal-windows",
    description: "Windows path traversal: ..\\ \u2014 climbing the directory tree",
    pattern: /\.\.\\/
  },
  {
    id: "shell-path-traversal-encoded",
    description: "URL-encoded path traversal: %2e%2e or %2f variants",
    pattern: /%2e%2e|%2f\.\.|\.\.%2f/i
  },
  {
    id: "shell-null-byte",
    description: "Null byte injection: \\x00 or %00 \u2014 truncates strings in C-backed functions",
    pattern: /\x00|%00/
  },
  {
    id: "shell-semicolon",
    description: "Semicolon command separator: cmd1; cmd2",
    pattern: /;/
  },
  {
    id: "shell-pipe",
    description: "Pipe operator: cmd1 | cmd2",
    pattern: /\|/
  },
  {
    id: "shell-and-operator",
    description: "AND operator: cmd1 && cmd2",
    pattern: /&&/
  },
  {
    id: "shell-or-operator",
    description: "OR operator: cmd1 || cmd2",
    pattern: /\|\|/
  },
  {
    id: "shell-backtick",
    description: "Backtick command substitution: `cmd`",
    pattern: /`/
  },
  {
    id: "shell-dollar-paren",
    description: "Dollar-paren command substitution: $(cmd)",
    pattern: /\$\(/
  },
  {
    id: "shell-dollar-brace",
    description: "Dollar-brace variable expansion: ${var} \u2014 can be abused for injection",
    pattern: /\$\{/
  },
  {
    id: "shell-redirect-out",
    description: "Output redirection: cmd > file or cmd >> file",
    pattern: />{1,2}/
  },
  {
    id: "shell-redirect-in",
    description: "Input redirection: cmd < file",
    pattern: /</
  },
  {
    id: "shell-newline-injection",
    description: "Newline injection: \\n or \\r \u2014 can inject new shell commands",
    pattern: /[\n\r]/
  },
  {
    id: "shell-glob-star",
    description: "Glob expansion: * or ? \u2014 can expand to unintended files",
    // Only flag when combined with path separators to reduce false positives
    pattern: /[/\\][*?]/
  },
  {
    id: "shell-absolute-root",
    description: "Absolute root path injection: string starting with / or \\ (Windows UNC)",
    pattern: /^(?:\/|\\\\)/
  },
  {
    id: "shell-windows-drive",
    description: "Windows drive letter path injection: C:\\ or D:/",
    pattern: /^[a-zA-Z]:[/\\]/
  },
  {
    id: "shell-curl-wget",
    description: "curl/wget with URL or flags \u2014 can exfiltrate data or download payloads",
    // Require a URL scheme (http/https/ftp) or a flag (-) to reduce false positives
    // "curl is a tool" won't match; "curl http://..." or "curl -s ..." will
    pattern: /\b(?:curl|wget)\s+(?:https?:\/\/|ftp:\/\/|-)/i
  }
];
var shell_default = SHELL_PATTERNS;

// node_modules/is-unsafe/src/contexts/redos.js
var REDOS_PATTERNS = [
  {
    id: "redos-nested-quantifier-plus",
    description: "Nested + quantifier inside a group with outer quantifier: (a+)+, (.+b)*, etc.",
    // Matches any group containing a + quantifier, with an outer * or + — catches (a+)+, (.+b)*, etc.
    pattern: /\([^)]*\+[^)]*\)[+*]/
  },
  {
    id: "redos-nested-quantifier-star",
    description: "Nested * quantifier: (a*)* or (a*)+ \u2014 catastrophic backtracking",
    pattern: /\([^)]*\*[^)]*\)[*+]/
  },
  {
    id: "redos-nested-groups",
    description: "Doubly nested quantified groups: ((a+)+) \u2014 guaranteed catastrophic",
    pattern: /\(\([^)]{0,40}\)[+*]\)[+*]/
  },
  {
    id: "redos-alternation-overlap",
    description: "Overlapping alternation under quantifier: (a|a)+ \u2014 ambiguous NFA paths",
    // Detect repeated identical alternatives under a quantifier
    pattern: /\(([^|()]{1,20})\|(?:\1)(?:\|[^|()]{1,20}){0,5}\)[+*?]{1,2}/
  },
  {
    id: "redos-star-plus-concat",
    description: "(x*x)+ pattern \u2014 triggers super-linear backtracking",
    pattern: /\([^)]{0,10}\*[^)]{0,10}\)[+*]/
  },
  {
    id: "redos-dot-star-greedy",
    description: "(.*){n,} or (.+){n,} \u2014 repeated greedy dot quantifiers",
    pattern: /\(\.[*+]\)\{?\d/
  },
  {
    id: "redos-large-repetition",
    description: "Very large fixed or range repetition count {1000,} or {1000,n} \u2014 denial of service via backtracking",
    // Matches { followed by 4+ digits (≥1000), then optional ,digits }
    pattern: /\{\d{4,}(?:,\d*)?\}/
  },
  {
    id: "redos-catastrophic-alternation",
    description: "Long alternation with many similar branches \u2014 polynomial backtracking risk",
    // Heuristic: 10+ pipe-separated alternatives in a single group
    pattern: /\([^)]{0,200}(?:\|[^|)]{0,50}){9,}\)/
  }
];
var redos_default = REDOS_PATTERNS;

// node_modules/is-unsafe/src/contexts/nosql.js
var sep = `["'\\s]*:`;
var NOSQL_PATTERNS = [
  // ─── MongoDB $ operator injection ────────────────────────────────────────
  {
    id: "nosql-where-operator",
    description: "$where \u2014 executes arbitrary JavaScript server-side in MongoDB",
    pattern: new RegExp(`\\$where${sep}`, "i")
  },
  {
    id: "nosql-ne-operator",
    description: '$ne \u2014 "not equal" operator used to bypass equality checks',
    pattern: new RegExp(`\\$ne${sep}`, "i")
  },
  {
    id: "nosql-gt-operator",
    description: '$gt \u2014 "greater than" used to bypass password/value checks',
    pattern: new RegExp(`\\$gte?${sep}`, "i")
  },
  {
    id: "nosql-lt-operator",
    description: '$lt / $lte \u2014 "less than" bypass variants',
    pattern: new RegExp(`\\$lte?${sep}`, "i")
  },
  {
    id: "nosql-regex-operator",
    description: "$regex \u2014 can be used to extract data character by character (blind injection)",
    pattern: new RegExp(`\\$regex${sep}`, "i")
  },
  {
    id: "nosql-or-operator",
    description: "$or \u2014 logical OR; used to create always-true conditions",
    pattern: new RegExp(`\\$or${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-and-operator",
    description: "$and \u2014 logical AND operator injection",
    pattern: new RegExp(`\\$and${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-nor-operator",
    description: "$nor \u2014 logical NOR operator injection",
    pattern: new RegExp(`\\$nor${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-exists-operator",
    description: "$exists \u2014 can enumerate fields to determine schema",
    pattern: new RegExp(`\\$exists${sep}`, "i")
  },
  {
    id: "nosql-in-operator",
    description: "$in \u2014 matches any value in a list; can enumerate values",
    pattern: new RegExp(`\\$in${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-expr-operator",
    description: "$expr \u2014 allows aggregation expressions in queries (MongoDB 3.6+)",
    pattern: new RegExp(`\\$expr${sep}`, "i")
  },
  {
    id: "nosql-function-operator",
    description: "$function \u2014 executes arbitrary JavaScript in MongoDB 4.4+",
    pattern: new RegExp(`\\$function${sep}`, "i")
  },
  {
    id: "nosql-accumulator-operator",
    description: "$accumulator \u2014 custom aggregation with arbitrary JS execution",
    pattern: new RegExp(`\\$accumulator${sep}`, "i")
  },
  // ─── Prototype pollution ─────────────────────────────────────────────────
  {
    id: "nosql-proto-pollution",
    description: "__proto__ \u2014 prototype pollution via object key injection",
    pattern: /__proto__/
  },
  {
    id: "nosql-constructor-prototype",
    description: "constructor.prototype \u2014 alternative prototype pollution vector (dot notation or JSON key)",
    // Matches dot-notation (obj.constructor.prototype) and JSON key adjacency
    // ("constructor": {"prototype": ...})
    pattern: /constructor[\s"':.,{\[]*prototype/i
  },
  {
    id: "nosql-proto-bracket",
    description: '["__proto__"] \u2014 bracket-notation prototype pollution',
    pattern: /\[["']__proto__["']\]/
  }
];
var nosql_default = NOSQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/log.js
var LOG_PATTERNS = [
  // ─── CRLF / newline injection ─────────────────────────────────────────────
  {
    id: "log-crlf-injection",
    description: "CRLF injection: literal \\r or \\n embeds fake log lines",
    pattern: /[\r\n]/
  },
  {
    id: "log-url-encoded-crlf",
    description: "URL-encoded CRLF: %0d, %0a, %0D, %0A \u2014 decoded by some log parsers",
    pattern: /%0[dDaA]/
  },
  {
    id: "log-unicode-newline",
    description: "Unicode newline variants: U+2028 (line separator), U+2029 (paragraph separator)",
    pattern: /[\u2028\u2029]/
  },
  // ─── Log4Shell / JNDI injection (CVE-2021-44228) ─────────────────────────
  {
    id: "log-log4shell-jndi",
    description: "Log4Shell: ${jndi:...} triggers remote code execution in Apache Log4j",
    pattern: /\$\{jndi\s*:/i
  },
  {
    id: "log-log4shell-obfuscated",
    description: "Obfuscated Log4Shell: ${::-j}... lookup-bypass prefix used to evade WAF detection",
    // ${::- is the Log4j lookup-bypass escape sequence; presence alone is suspicious
    pattern: /\$\{::-/
  },
  {
    id: "log-log4j-lookup",
    description: "Log4j lookup syntax: ${env:...}, ${sys:...}, ${ctx:...} \u2014 data exfiltration",
    pattern: /\$\{(?:env|sys|ctx|main|map|sd|web|docker|k8s|spring)\s*:/i
  },
  // ─── Server-Side Template Injection (SSTI) in log messages ───────────────
  {
    id: "log-ssti-double-brace",
    description: "SSTI double-brace: {{expression}} \u2014 Jinja2, Twig, Handlebars, etc.",
    pattern: /\{\{[\s\S]{0,80}\}\}/
  },
  {
    id: "log-ssti-hash-brace",
    description: "SSTI hash-brace: #{expression} \u2014 Thymeleaf, Velocity, Ruby ERB",
    pattern: /#\{[\s\S]{0,80}\}/
  },
  {
    id: "log-ssti-dollar-brace",
    description: "SSTI/EL injection: ${expression with operators or method calls} \u2014 JSP EL, Freemarker, SpEL",
    // Require that the ${...} content looks like an expression, not a plain variable name.
    // Flags if the content contains: . ( * + operators, or known SSTI keywords.
    // This avoids flagging ${PATH}, ${HOME} etc. (plain shell variables).
    pattern: /\$\{[^}]*(?:\.|\(|\*|\+|\bclass\b|\bruntime\b|\bprocess\b|\bexec\b)[^}]{0,80}\}/i
  },
  {
    id: "log-ssti-percent-tag",
    description: "SSTI ERB/ASP tag: <%= expression %> \u2014 Ruby ERB, ASP",
    pattern: /<%=[\s\S]{0,80}%>/
  },
  // ─── Null byte ────────────────────────────────────────────────────────────
  {
    id: "log-null-byte",
    description: "Null byte: \\x00 or %00 \u2014 can truncate log entries in C-backed loggers",
    pattern: /\x00|%00/
  },
  // ─── ANSI escape injection ────────────────────────────────────────────────
  {
    id: "log-ansi-escape",
    description: "ANSI escape sequence: ESC[ \u2014 can manipulate terminal output when logs are tailed",
    pattern: /\x1b\[/
  }
];
var log_default = LOG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql-strict.js
var SQL_STRICT_EXTRA = [
  {
    id: "sql-line-comment",
    description: "SQL line comment: -- followed by whitespace or end of string",
    pattern: /--(?:\s|$)/
  },
  {
    id: "sql-stacked-query",
    description: "Stacked queries: semicolon immediately followed by a SQL keyword",
    pattern: /;\s{0,10}(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|EXEC)\b/i
  },
  {
    id: "sql-hex-encoding",
    description: "Hex-encoded string injection: 0x41414141 style (MySQL)",
    pattern: /\b0x[0-9a-f]{4,}/i
  }
];
var SQL_STRICT_PATTERNS = [...sql_default, ...SQL_STRICT_EXTRA];
var sql_strict_default = SQL_STRICT_PATTERNS;

// node_modules/is-unsafe/src/util/decode-entities.js
var NAMED = Object.freeze({
  colon: ":",
  Tab: "	",
  NewLine: "\n"
});
var ENTITY_RE = /&(?:#[xX]0*([0-9a-fA-F]{1,6});?|#0*([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{1,15});)/g;
function decodeEntities(input) {
  if (input.indexOf("&") === -1) return input;
  return input.replace(ENTITY_RE, (match, hex, dec, name) => {
    if (name !== void 0) {
      return Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : match;
    }
    const cp = hex !== void 0 ? parseInt(hex, 16) : parseInt(dec, 10);
    if (!Number.isFinite(cp) || cp > 1114111) return match;
    return String.fromCodePoint(cp);
  });
}

// node_modules/is-unsafe/src/index.js
html_default.label = "HTML";
xml_default.label = "XML";
svg_default.label = "SVG";
html_default.decodeEntities = true;
xml_default.decodeEntities = true;
svg_default.decodeEntities = true;
sql_default.label = "SQL";
sql_strict_default.label = "SQL-STRICT";
shell_default.label = "SHELL";
redos_default.label = "REDOS";
nosql_default.label = "NOSQL";
log_default.label = "LOG";
var VALID_CONTEXTS = Object.freeze({
  HTML: html_default,
  XML: xml_default,
  SVG: svg_default,
  SQL: sql_default,
  "SQL-STRICT": sql_strict_default,
  SHELL: shell_default,
  REDOS: redos_default,
  NOSQL: nosql_default,
  LOG: log_default
});
function assertString(value) {
  if (typeof value !== "string") {
    throw new TypeError(
      `is-unsafe: first argument must be a string, got ${typeof value}`
    );
  }
}
function assertContext(context) {
  if (context instanceof RegExp) return;
  if (Array.isArray(context)) {
    if (context.length === 0) {
      throw new TypeError("is-unsafe: context must not be an empty array");
    }
    if (Array.isArray(context[0])) {
      for (const list of context) {
        if (!Array.isArray(list) || list.length === 0) {
          throw new TypeError(
            "is-unsafe: each context in the array must be a non-empty pattern array (PatternList)"
          );
        }
      }
    }
    return;
  }
  throw new TypeError(
    `is-unsafe: second argument must be a PatternList (e.g. HTML), an array of PatternLists (e.g. [HTML, XML]), or a RegExp. Got: ${typeof context}`
  );
}
function normalise(context) {
  if (context instanceof RegExp) return { lists: null, regex: context };
  if (Array.isArray(context[0])) return { lists: context, regex: null };
  return { lists: [context], regex: null };
}
function decodedCopy(value, list) {
  if (!list.decodeEntities) return null;
  const decoded = decodeEntities(value);
  return decoded === value ? null : decoded;
}
function matchList(value, list) {
  const label = list.label ?? "CUSTOM";
  const decoded = decodedCopy(value, list);
  for (const rule of list) {
    if (rule.pattern.test(value) || decoded !== null && rule.pattern.test(decoded)) {
      return { context: label, id: rule.id, description: rule.description, pattern: rule.pattern };
    }
  }
  return null;
}
function isUnsafe(value, context) {
  assertString(value);
  assertContext(context);
  const { lists, regex } = normalise(context);
  if (regex) return regex.test(value);
  for (const list of lists) {
    if (matchList(value, list) !== null) return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/OrderedObjParser.js
function extractRawAttributes(prefixedAttrs, options) {
  if (!prefixedAttrs) return {};
  const attrs = options.attributesGroupName ? prefixedAttrs[options.attributesGroupName] : prefixedAttrs;
  if (!attrs) return {};
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(options.attributeNamePrefix)) {
      const rawName = key.substring(options.attributeNamePrefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function extractNamespace(rawTagName) {
  if (!rawTagName || typeof rawTagName !== "string") return void 0;
  const colonIndex = rawTagName.indexOf(":");
  if (colonIndex !== -1 && colonIndex > 0) {
    const ns2 = rawTagName.substring(0, colonIndex);
    if (ns2 !== "xmlns") {
      return ns2;
    }
  }
  return void 0;
}
var OrderedObjParser = class {
  constructor(options, externalEntities) {
    this.options = options;
    this.currentNode = null;
    this.tagsNodeStack = [];
    this.parseXml = parseXml;
    this.parseTextData = parseTextData;
    this.resolveNameSpace = resolveNameSpace;
    this.buildAttributesMap = buildAttributesMap;
    this.isItStopNode = isItStopNode;
    this.replaceEntitiesValue = replaceEntitiesValue;
    this.readStopNodeData = readStopNodeData;
    this.saveTextToParentTag = saveTextToParentTag;
    this.addChild = addChild;
    this.ignoreAttributesFn = getIgnoreAttributesFn(this.options.ignoreAttributes);
    this.entityExpansionCount = 0;
    this.currentExpandedLength = 0;
    this.doctypefound = false;
    let namedEntities = { ...XML };
    if (this.options.entityDecoder) {
      this.entityDecoder = this.options.entityDecoder;
    } else {
      if (typeof this.options.htmlEntities === "object") namedEntities = this.options.htmlEntities;
      else if (this.options.htmlEntities === true) namedEntities = { ...COMMON_HTML, ...CURRENCY };
      this.entityDecoder = new EntityDecoder({
        namedEntities: { ...namedEntities, ...externalEntities },
        numericAllowed: this.options.htmlEntities,
        limit: {
          maxTotalExpansions: this.options.processEntities.maxTotalExpansions,
          maxExpandedLength: this.options.processEntities.maxExpandedLength,
          applyLimitsTo: this.options.processEntities.appliesTo
        },
        // onExternalEntity: (name, value) => isUnsafe(value) ? 'block' : 'allow',
        onInputEntity: (name, value) => (
          //TODO: VALID_CONTEXTS.HTML should be set only if this.options.htmlEntities
          isUnsafe(value, [html_default, xml_default]) ? ENTITY_ACTION.BLOCK : ENTITY_ACTION.ALLOW
        )
        //postCheck: resolved => resolved
      });
    }
    this.matcher = new Matcher();
    this.readonlyMatcher = this.matcher.readOnly();
    this.isCurrentNodeStopNode = false;
    this.stopNodeExpressionsSet = new ExpressionSet();
    const stopNodesOpts = this.options.stopNodes;
    if (stopNodesOpts && stopNodesOpts.length > 0) {
      for (let i = 0; i < stopNodesOpts.length; i++) {
        const stopNodeExp = stopNodesOpts[i];
        if (typeof stopNodeExp === "string") {
          this.stopNodeExpressionsSet.add(new Expression(stopNodeExp));
        } else if (stopNodeExp instanceof Expression) {
          this.stopNodeExpressionsSet.add(stopNodeExp);
        }
      }
      this.stopNodeExpressionsSet.seal();
    }
  }
};
function parseTextData(val, tagName, jPath, dontTrim, hasAttributes, isLeafNode, escapeEntities) {
  const options = this.options;
  if (val !== void 0) {
    if (options.trimValues && !dontTrim) {
      val = val.trim();
    }
    if (val.length > 0) {
      if (!escapeEntities) val = this.replaceEntitiesValue(val, tagName, jPath);
      const jPathOrMatcher = options.jPath ? jPath.toString() : jPath;
      const newval = options.tagValueProcessor(tagName, val, jPathOrMatcher, hasAttributes, isLeafNode);
      if (newval === null || newval === void 0) {
        return val;
      } else if (typeof newval !== typeof val || newval !== val) {
        return newval;
      } else if (options.trimValues) {
        return parseValue(val, options.parseTagValue, options.numberParseOptions);
      } else {
        const trimmedVal = val.trim();
        if (trimmedVal === val) {
          return parseValue(val, options.parseTagValue, options.numberParseOptions);
        } else {
          return val;
        }
      }
    }
  }
}
function resolveNameSpace(tagname) {
  if (this.options.removeNSPrefix) {
    const tags = tagname.split(":");
    const prefix = tagname.charAt(0) === "/" ? "/" : "";
    if (tags[0] === "xmlns") {
      return "";
    }
    if (tags.length === 2) {
      tagname = prefix + tags[1];
    }
  }
  return tagname;
}
var attrsRegx = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;
function attrValue(match) {
  return match[3] !== void 0 ? match[3] : match[4];
}
function buildAttributesMap(attrStr, jPath, tagName, force = false) {
  const options = this.options;
  if (force === true || options.ignoreAttributes !== true && typeof attrStr === "string") {
    const matches = getAllMatches(attrStr, attrsRegx);
    const len = matches.length;
    const attrs = {};
    const processedVals = new Array(len);
    let hasRawAttrs = false;
    const rawAttrsForMatcher = {};
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      const oldVal = attrValue(matches[i]);
      if (attrName.length && oldVal !== void 0) {
        let val = oldVal;
        if (options.trimValues) val = val.trim();
        val = this.replaceEntitiesValue(val, tagName, this.readonlyMatcher);
        processedVals[i] = val;
        rawAttrsForMatcher[attrName] = val;
        hasRawAttrs = true;
      }
    }
    if (hasRawAttrs && typeof jPath === "object" && jPath.updateCurrent) {
      jPath.updateCurrent(rawAttrsForMatcher);
    }
    const jPathStr = options.jPath ? jPath.toString() : this.readonlyMatcher;
    let hasAttrs = false;
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      if (this.ignoreAttributesFn(attrName, jPathStr)) continue;
      let aName = options.attributeNamePrefix + attrName;
      if (attrName.length) {
        if (options.transformAttributeName) {
          aName = options.transformAttributeName(aName);
        }
        aName = sanitizeName(aName, options);
        if (attrValue(matches[i]) !== void 0) {
          const oldVal = processedVals[i];
          const newVal = options.attributeValueProcessor(attrName, oldVal, jPathStr);
          if (newVal === null || newVal === void 0) {
            attrs[aName] = oldVal;
          } else if (typeof newVal !== typeof oldVal || newVal !== oldVal) {
            attrs[aName] = newVal;
          } else {
            attrs[aName] = parseValue(oldVal, options.parseAttributeValue, options.numberParseOptions);
          }
          hasAttrs = true;
        } else if (options.allowBooleanAttributes) {
          attrs[aName] = true;
          hasAttrs = true;
        }
      }
    }
    if (!hasAttrs) return;
    if (options.attributesGroupName && !options.preserveOrder) {
      const attrCollection = {};
      attrCollection[options.attributesGroupName] = attrs;
      return attrCollection;
    }
    return attrs;
  }
}
var parseXml = function(xmlData) {
  const options = this.options;
  const crlfPositions = options.captureMetaData ? [] : void 0;
  xmlData = xmlData.replace(/\r\n?/g, options.captureMetaData ? (newline2, index) => {
    if (newline2.length === 2) {
      crlfPositions.push(index - crlfPositions.length);
    }
    return "\n";
  } : "\n");
  const xmlObj = new XmlNode("!xml");
  let currentNode = xmlObj;
  let textData = "";
  this.matcher.reset();
  this.entityDecoder.reset();
  this.entityExpansionCount = 0;
  this.currentExpandedLength = 0;
  this.doctypefound = false;
  const docTypeReader = new DocTypeReader(options.processEntities);
  const xmlLen = xmlData.length;
  for (let i = 0; i < xmlLen; i++) {
    const ch = xmlData[i];
    if (ch === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingIndex(xmlData, ">", i, "Closing Tag is not closed.");
        let tagName = xmlData.substring(i + 2, closeIndex).trim();
        if (options.removeNSPrefix) {
          const colonIndex = tagName.indexOf(":");
          if (colonIndex !== -1) {
            tagName = tagName.substr(colonIndex + 1);
          }
        }
        tagName = transformTagName(options.transformTagName, tagName, "", options).tagName;
        if (currentNode) {
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        }
        const lastTagName = this.matcher.getCurrentTag();
        if (tagName && options.unpairedTagsSet.has(tagName)) {
          throw new Error(`Unpaired tag can not be used as closing tag: </${tagName}>`);
        }
        if (lastTagName && options.unpairedTagsSet.has(lastTagName)) {
          this.matcher.pop();
          this.tagsNodeStack.pop();
        }
        this.matcher.pop();
        this.isCurrentNodeStopNode = false;
        currentNode = this.tagsNodeStack.pop() || xmlObj;
        if (options.captureMetaData && currentNode) {
          currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
        }
        textData = "";
        i = closeIndex;
      } else if (c1 === 63) {
        let tagData = readTagExp(xmlData, i, false, "?>");
        if (!tagData) throw new Error("Pi Tag is not closed.");
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        const attsMap = this.buildAttributesMap(tagData.tagExp, this.matcher, tagData.tagName, true);
        if (attsMap) {
          const ver = attsMap[this.options.attributeNamePrefix + "version"];
          this.entityDecoder.setXmlVersion(Number(ver) || 1);
          docTypeReader.setXmlVersion(Number(ver) || 1);
        }
        if (options.ignoreDeclaration && tagData.tagName === "?xml" || options.ignorePiTags) {
        } else {
          const childNode = new XmlNode(tagData.tagName);
          childNode.add(options.textNodeName, "");
          if (tagData.tagName !== tagData.tagExp && tagData.attrExpPresent && options.ignoreAttributes !== true) {
            childNode[":@"] = attsMap;
          }
          const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(tagData.closeIndex + 2, crlfPositions));
          }
        }
        i = tagData.closeIndex + 1;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const endIndex = findClosingIndex(xmlData, "-->", i + 4, "Comment is not closed.");
        if (options.commentPropName) {
          const comment = xmlData.substring(i + 4, endIndex - 2);
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
          currentNode.add(options.commentPropName, [{ [options.textNodeName]: comment }]);
        }
        i = endIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 68) {
        if (this.doctypefound) throw new Error("Multiple DOCTYPE declarations found.");
        this.doctypefound = true;
        const result = docTypeReader.readDocType(xmlData, i);
        this.entityDecoder.addInputEntities(result.entities);
        i = result.i;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "CDATA is not closed.") - 2;
        const tagExp = xmlData.substring(i + 9, closeIndex);
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        let val = this.parseTextData(tagExp, currentNode.tagname, this.readonlyMatcher, true, false, true, true);
        if (val == void 0) val = "";
        if (options.cdataPropName) {
          currentNode.add(options.cdataPropName, [{ [options.textNodeName]: tagExp }]);
        } else {
          currentNode.add(options.textNodeName, val);
        }
        i = closeIndex + 2;
      } else {
        let result = readTagExp(xmlData, i, options.removeNSPrefix);
        if (!result) {
          const context = xmlData.substring(Math.max(0, i - 50), Math.min(xmlLen, i + 50));
          throw new Error(`readTagExp returned undefined at position ${i}. Context: "${context}"`);
        }
        let tagName = result.tagName;
        const rawTagName = result.rawTagName;
        let tagExp = result.tagExp;
        let attrExpPresent = result.attrExpPresent;
        let closeIndex = result.closeIndex;
        ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
        if (options.strictReservedNames && (tagName === options.commentPropName || tagName === options.cdataPropName || tagName === options.textNodeName || tagName === options.attributesGroupName)) {
          throw new Error(`Invalid tag name: ${tagName}`);
        }
        if (currentNode && textData) {
          if (currentNode.tagname !== "!xml") {
            textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher, false);
          }
        }
        const lastTag = currentNode;
        if (lastTag && options.unpairedTagsSet.has(lastTag.tagname)) {
          currentNode = this.tagsNodeStack.pop();
          this.matcher.pop();
        }
        let isSelfClosing = false;
        if (tagExp.length > 0 && tagExp.lastIndexOf("/") === tagExp.length - 1) {
          isSelfClosing = true;
          if (tagName[tagName.length - 1] === "/") {
            tagName = tagName.substr(0, tagName.length - 1);
            tagExp = tagName;
          } else {
            tagExp = tagExp.substr(0, tagExp.length - 1);
          }
          attrExpPresent = tagName !== tagExp;
        }
        let prefixedAttrs = null;
        let rawAttrs = {};
        let namespace = void 0;
        namespace = extractNamespace(rawTagName);
        if (tagName !== xmlObj.tagname) {
          this.matcher.push(tagName, {}, namespace);
        }
        if (tagName !== tagExp && attrExpPresent) {
          prefixedAttrs = this.buildAttributesMap(tagExp, this.matcher, tagName);
          if (prefixedAttrs) {
            rawAttrs = extractRawAttributes(prefixedAttrs, options);
          }
        }
        if (tagName !== xmlObj.tagname) {
          this.isCurrentNodeStopNode = this.isItStopNode();
        }
        const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
        if (this.isCurrentNodeStopNode) {
          let tagContent = "";
          if (isSelfClosing) {
            i = result.closeIndex;
          } else if (options.unpairedTagsSet.has(tagName)) {
            i = result.closeIndex;
          } else {
            const result2 = this.readStopNodeData(xmlData, rawTagName, closeIndex + 1);
            if (!result2) throw new Error(`Unexpected end of ${rawTagName}`);
            i = result2.i;
            tagContent = result2.tagContent;
          }
          const childNode = new XmlNode(tagName);
          if (prefixedAttrs) {
            childNode[":@"] = prefixedAttrs;
          }
          childNode.add(options.textNodeName, tagContent);
          this.matcher.pop();
          this.isCurrentNodeStopNode = false;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(i + 1, crlfPositions));
          }
        } else {
          if (isSelfClosing) {
            ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
          } else if (options.unpairedTagsSet.has(tagName)) {
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(result.closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
            i = result.closeIndex;
            continue;
          } else {
            const childNode = new XmlNode(tagName);
            if (this.tagsNodeStack.length > options.maxNestedTags) {
              throw new Error("Maximum nested tags exceeded");
            }
            this.tagsNodeStack.push(currentNode);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            currentNode = childNode;
          }
          textData = "";
          i = closeIndex;
        }
      }
    } else {
      textData += xmlData[i];
    }
  }
  return xmlObj.child;
};
function getOriginalIndex(index, crlfPositions) {
  let low = 0;
  let high = crlfPositions.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (crlfPositions[middle] < index) low = middle + 1;
    else high = middle;
  }
  return index + low;
}
function addChild(currentNode, childNode, matcher, startIndex) {
  if (!this.options.captureMetaData) startIndex = void 0;
  const jPathOrMatcher = this.options.jPath ? matcher.toString() : matcher;
  const result = this.options.updateTag(childNode.tagname, jPathOrMatcher, childNode[":@"]);
  if (result === false) {
  } else if (typeof result === "string") {
    childNode.tagname = result;
    currentNode.addChild(childNode, startIndex);
  } else {
    currentNode.addChild(childNode, startIndex);
  }
}
function replaceEntitiesValue(val, tagName, jPath) {
  const entityConfig = this.options.processEntities;
  if (!entityConfig || !entityConfig.enabled) {
    return val;
  }
  if (entityConfig.allowedTags) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    const allowed = Array.isArray(entityConfig.allowedTags) ? entityConfig.allowedTags.includes(tagName) : entityConfig.allowedTags(tagName, jPathOrMatcher);
    if (!allowed) {
      return val;
    }
  }
  if (entityConfig.tagFilter) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    if (!entityConfig.tagFilter(tagName, jPathOrMatcher)) {
      return val;
    }
  }
  return this.entityDecoder.decode(val);
}
function saveTextToParentTag(textData, parentNode, matcher, isLeafNode) {
  if (textData) {
    if (isLeafNode === void 0) isLeafNode = parentNode.child.length === 0;
    textData = this.parseTextData(
      textData,
      parentNode.tagname,
      matcher,
      false,
      parentNode[":@"] ? Object.keys(parentNode[":@"]).length !== 0 : false,
      isLeafNode
    );
    if (textData !== void 0 && textData !== "")
      parentNode.add(this.options.textNodeName, textData);
    textData = "";
  }
  return textData;
}
function isItStopNode() {
  if (this.stopNodeExpressionsSet.size === 0) return false;
  return this.matcher.matchesAny(this.stopNodeExpressionsSet);
}
function tagExpWithClosingIndex(xmlData, i, closingChar = ">") {
  const len = xmlData.length;
  const closeCode0 = closingChar.charCodeAt(0);
  const closeCode1 = closingChar.length > 1 ? closingChar.charCodeAt(1) : -1;
  let result = "";
  let segmentStart = i;
  for (let index = i; index < len; index++) {
    const code = xmlData.charCodeAt(index);
    if (code === 34 || code === 39) {
      index = xmlData.indexOf(xmlData[index], index + 1);
      if (index === -1) return;
    } else if (code === closeCode0) {
      if (closeCode1 !== -1) {
        if (xmlData.charCodeAt(index + 1) === closeCode1) {
          result += xmlData.substring(segmentStart, index);
          return { data: result, index };
        }
      } else {
        result += xmlData.substring(segmentStart, index);
        return { data: result, index };
      }
    } else if (code === 9) {
      result += xmlData.substring(segmentStart, index) + " ";
      segmentStart = index + 1;
    }
  }
}
function findClosingIndex(xmlData, str, i, errMsg) {
  const closingIndex = xmlData.indexOf(str, i);
  if (closingIndex === -1) {
    throw new Error(errMsg);
  } else {
    return closingIndex + str.length - 1;
  }
}
function findClosingChar(xmlData, char, i, errMsg) {
  const closingIndex = xmlData.indexOf(char, i);
  if (closingIndex === -1) throw new Error(errMsg);
  return closingIndex;
}
function readTagExp(xmlData, i, removeNSPrefix, closingChar = ">") {
  const result = tagExpWithClosingIndex(xmlData, i + 1, closingChar);
  if (!result) return;
  let tagExp = result.data;
  const closeIndex = result.index;
  const separatorIndex = tagExp.search(/\s/);
  let tagName = tagExp;
  let attrExpPresent = true;
  if (separatorIndex !== -1) {
    tagName = tagExp.substring(0, separatorIndex);
    tagExp = tagExp.substring(separatorIndex + 1).trimStart();
  }
  const rawTagName = tagName;
  if (removeNSPrefix) {
    const colonIndex = tagName.indexOf(":");
    if (colonIndex !== -1) {
      tagName = tagName.substr(colonIndex + 1);
      attrExpPresent = tagName !== result.data.substr(colonIndex + 1);
    }
  }
  return {
    tagName,
    tagExp,
    closeIndex,
    attrExpPresent,
    rawTagName
  };
}
function readStopNodeData(xmlData, tagName, i) {
  const startIndex = i;
  let openTagCount = 1;
  let lenient = false;
  let nextGt = -1;
  const xmllen = xmlData.length;
  for (; i < xmllen; i++) {
    if (xmlData[i] === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingChar(xmlData, ">", i, `${tagName} is not closed`);
        let closeTagName = xmlData.substring(i + 2, closeIndex).trim();
        if (closeTagName === tagName) {
          openTagCount--;
          if (openTagCount === 0) {
            return {
              tagContent: xmlData.substring(startIndex, i),
              i: closeIndex
            };
          }
        }
        i = closeIndex;
      } else if (c1 === 63) {
        const closeIndex = findClosingIndex(xmlData, "?>", i + 1, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const closeIndex = findClosingIndex(xmlData, "-->", i + 3, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "StopNode is not closed.") - 2;
        i = closeIndex;
      } else {
        const tagData = lenient ? void 0 : readTagExp(xmlData, i, false);
        if (tagData) {
          const openTagName = tagData.tagName;
          if (openTagName === tagName && tagData.tagExp[tagData.tagExp.length - 1] !== "/") {
            openTagCount++;
          }
          i = tagData.closeIndex;
        } else {
          lenient = true;
          if (nextGt < i) {
            nextGt = xmlData.indexOf(">", i);
            if (nextGt === -1) return;
          }
          const nextLt = xmlData.indexOf("<", i + 1);
          if (nextLt === -1 || nextLt > nextGt) {
            const exp = xmlData.substring(i + 1, nextGt);
            const sep2 = exp.search(/\s/);
            const name = sep2 === -1 ? exp : exp.substring(0, sep2);
            if (name === tagName && exp[exp.length - 1] !== "/") openTagCount++;
            i = nextGt;
          }
        }
      }
    }
  }
}
function parseValue(val, shouldParse, options) {
  if (shouldParse && typeof val === "string") {
    const newval = val.trim();
    if (newval === "true") return true;
    else if (newval === "false") return false;
    else return toNumber(val, options);
  } else {
    if (isExist(val)) {
      return val;
    } else {
      return "";
    }
  }
}
function transformTagName(fn, tagName, tagExp, options) {
  if (fn) {
    const newTagName = fn(tagName);
    if (tagExp === tagName) {
      tagExp = newTagName;
    }
    tagName = newTagName;
  }
  tagName = sanitizeName(tagName, options);
  return { tagName, tagExp };
}
function sanitizeName(name, options) {
  if (criticalProperties.includes(name)) {
    throw new Error(`[SECURITY] Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`);
  } else if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return options.onDangerousProperty(name);
  }
  return name;
}

// node_modules/fast-xml-parser/src/xmlparser/node2json.js
var METADATA_SYMBOL2 = XmlNode.getMetaDataSymbol();
function stripAttributePrefix(attrs, prefix) {
  if (!attrs || typeof attrs !== "object") return {};
  if (!prefix) return attrs;
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(prefix)) {
      const rawName = key.substring(prefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function prettify(node, options, matcher, readonlyMatcher) {
  return compress(node, options, matcher, readonlyMatcher);
}
function compress(arr, options, matcher, readonlyMatcher) {
  let text3;
  const compressedObj = {};
  for (let i = 0; i < arr.length; i++) {
    const tagObj = arr[i];
    const property = propName(tagObj);
    if (property !== void 0 && property !== options.textNodeName) {
      const rawAttrs = stripAttributePrefix(
        tagObj[":@"] || {},
        options.attributeNamePrefix
      );
      matcher.push(property, rawAttrs);
    }
    if (property === options.textNodeName) {
      if (text3 === void 0) text3 = tagObj[property];
      else text3 += "" + tagObj[property];
    } else if (property === void 0) {
      continue;
    } else if (tagObj[property]) {
      let val = compress(tagObj[property], options, matcher, readonlyMatcher);
      const isLeaf = isLeafTag(val, options);
      if (Object.keys(val).length === 0 && options.alwaysCreateTextNode) {
        val[options.textNodeName] = "";
      }
      if (tagObj[":@"]) {
        assignAttributes(val, tagObj[":@"], readonlyMatcher, options);
      } else if (Object.keys(val).length === 1 && val[options.textNodeName] !== void 0 && !options.alwaysCreateTextNode) {
        val = val[options.textNodeName];
      } else if (Object.keys(val).length === 0) {
        if (options.alwaysCreateTextNode) val[options.textNodeName] = "";
        else val = "";
      }
      if (tagObj[METADATA_SYMBOL2] !== void 0 && typeof val === "object" && val !== null) {
        val[METADATA_SYMBOL2] = tagObj[METADATA_SYMBOL2];
      }
      if (compressedObj[property] !== void 0 && Object.prototype.hasOwnProperty.call(compressedObj, property)) {
        if (!Array.isArray(compressedObj[property])) {
          compressedObj[property] = [compressedObj[property]];
        }
        compressedObj[property].push(val);
      } else {
        const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() : readonlyMatcher;
        if (options.isArray(property, jPathOrMatcher, isLeaf)) {
          compressedObj[property] = [val];
        } else {
          compressedObj[property] = val;
        }
      }
      if (property !== void 0 && property !== options.textNodeName) {
        matcher.pop();
      }
    }
  }
  if (typeof text3 === "string") {
    if (text3.length > 0) compressedObj[options.textNodeName] = text3;
  } else if (text3 !== void 0) compressedObj[options.textNodeName] = text3;
  return compressedObj;
}
function propName(obj) {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== ":@") return key;
  }
}
function assignAttributes(obj, attrMap, readonlyMatcher, options) {
  if (attrMap) {
    const keys = Object.keys(attrMap);
    const len = keys.length;
    for (let i = 0; i < len; i++) {
      const atrrName = keys[i];
      const rawAttrName = atrrName.startsWith(options.attributeNamePrefix) ? atrrName.substring(options.attributeNamePrefix.length) : atrrName;
      const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() + "." + rawAttrName : readonlyMatcher;
      if (options.isArray(atrrName, jPathOrMatcher, true, true)) {
        obj[atrrName] = [attrMap[atrrName]];
      } else {
        obj[atrrName] = attrMap[atrrName];
      }
    }
  }
}
function isLeafTag(obj, options) {
  const { textNodeName } = options;
  const propCount = Object.keys(obj).length;
  if (propCount === 0) {
    return true;
  }
  if (propCount === 1 && (obj[textNodeName] || typeof obj[textNodeName] === "boolean" || obj[textNodeName] === 0)) {
    return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/XMLParser.js
var XMLParser = class {
  constructor(options) {
    this.externalEntities = {};
    this.options = buildOptions(options);
  }
  /**
   * Parse XML dats to JS object 
   * @param {string|Uint8Array} xmlData 
   * @param {boolean|Object} validationOption 
   */
  parse(xmlData, validationOption) {
    if (typeof xmlData !== "string" && xmlData.toString) {
      if (xmlData instanceof Uint8Array && !(typeof Buffer !== "undefined" && Buffer.isBuffer(xmlData))) {
        xmlData = new TextDecoder("utf-8", { ignoreBOM: true }).decode(xmlData);
      } else {
        xmlData = xmlData.toString();
      }
    } else if (typeof xmlData !== "string") {
      throw new Error("XML data is accepted in String or Bytes[] form.");
    }
    if (validationOption) {
      if (validationOption === true) validationOption = {};
      const result = validate(xmlData, validationOption);
      if (result !== true) {
        throw Error(`${result.err.msg}:${result.err.line}:${result.err.col}`);
      }
    }
    const orderedObjParser = new OrderedObjParser(this.options, this.externalEntities);
    const orderedResult = orderedObjParser.parseXml(xmlData);
    if (this.options.preserveOrder || orderedResult === void 0) return orderedResult;
    else return prettify(orderedResult, this.options, orderedObjParser.matcher, orderedObjParser.readonlyMatcher);
  }
  /**
   * Add Entity which is not by default supported by this library
   * @param {string} key 
   * @param {string} value 
   */
  addEntity(key, value) {
    if (value.indexOf("&") !== -1) {
      throw new Error("Entity value can't have '&'");
    } else if (key.indexOf("&") !== -1 || key.indexOf(";") !== -1) {
      throw new Error("An entity must be set without '&' and ';'. Eg. use '#xD' for '&#xD;'");
    } else if (value === "&") {
      throw new Error("An entity with value '&' is not permitted");
    } else {
      this.externalEntities[key] = value;
    }
  }
  /**
   * Returns a Symbol that can be used to access the metadata
   * property on a node.
   * 
   * If Symbol is not available in the environment, an ordinary property is used
   * and the name of the property is here returned.
   * 
   * The XMLMetaData property is only present when `captureMetaData`
   * is true in the options.
   */
  static getMetaDataSymbol() {
    return XmlNode.getMetaDataSymbol();
  }
};

// node_modules/fast-xml-parser/src/fxp.js
var XMLValidator = {
  validate
};

// packages/core/src/arf/xml-text.ts
var predefined = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeText(raw, source) {
  if (!raw.includes("&")) return raw;
  return raw.replace(
    /&(?:(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);)?/g,
    (_match, ref, offset) => {
      if (ref === void 0) {
        const context = raw.slice(offset, offset + 20);
        throw new InvalidArfError(
          `Expected only XML's predefined entities or character references in ${source}, found \`${sanitizeForDisplay(context, 40)}\``,
          source
        );
      }
      const named = predefined[ref];
      if (named !== void 0) return named;
      const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) {
        throw new InvalidArfError(
          `Expected character references in ${source} to name XML characters, found \`&${ref};\``,
          source
        );
      }
      return String.fromCodePoint(code);
    }
  );
}
function isXmlChar(code) {
  return code === 9 || code === 10 || code === 13 || code >= 32 && code <= 55295 || code >= 57344 && code <= 65533 || code >= 65536 && code <= 1114111;
}

// packages/core/src/arf/xml-parser.ts
var defaultMaxXmlBytes = 256 * 1024 * 1024;
var maxNestedTags = 256;
async function readXmlFile(path, options = {}) {
  const maxBytes = checkMaxBytes(options.maxBytes ?? defaultMaxXmlBytes);
  const size = await stat5(path).then(
    (s) => s.size,
    (error) => {
      const code = error.code;
      throw new InvalidArfError(
        `Expected a readable XML file at ${path}, got ${typeof code === "string" ? code : String(error)}`,
        path,
        { cause: error }
      );
    }
  );
  if (size > maxBytes) throw tooLarge(path, maxBytes, `${size} bytes`);
  let bytes = await readFile4(path);
  if (bytes[0] === 31 && bytes[1] === 139) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error.code === "ERR_BUFFER_TOO_LARGE") {
        throw tooLarge(path, maxBytes, "more than that once decompressed");
      }
      throw new InvalidArfError(`Expected ${path} to be valid gzip, got: ${String(error)}`, path, {
        cause: error
      });
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InvalidArfError(
      `Expected ${path} to be UTF-8 XML, found bytes that are not UTF-8`,
      path,
      {
        cause: error
      }
    );
  }
}
function checkMaxBytes(maxBytes) {
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0 || maxBytes > bufferConstants.MAX_STRING_LENGTH) {
    throw new ConfigurationError(
      `Expected the XML size cap to be a positive integer up to ${bufferConstants.MAX_STRING_LENGTH} bytes, got ${maxBytes}`
    );
  }
  return maxBytes;
}
function tooLarge(path, maxBytes, found) {
  return new LimitExceededError(
    `${path} is too large to parse: the cap is ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(0)} MiB), the file is ${found}`,
    "xml-bytes"
  );
}
var parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  allowBooleanAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: "#cdata",
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags,
  onDangerousProperty: (name) => {
    throw new Error(`element or attribute named \`${name}\``);
  }
});
function parseXml2(text3, source, options = {}) {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text3);
  if (declaration) {
    throw new InvalidArfError(
      `Expected ${source} to have no <!${declaration[1]?.toUpperCase()}> declaration (oscap never writes one), found one at offset ${declaration.index}`,
      source
    );
  }
  const valid = XMLValidator.validate(text3);
  if (valid !== true) {
    throw new InvalidArfError(
      `Expected ${source} to be well-formed XML, found at line ${valid.err.line} column ${valid.err.col}: ${sanitizeForDisplay(valid.err.msg)}`,
      source
    );
  }
  let raw;
  try {
    raw = parser.parse(text3);
  } catch (error) {
    throw new InvalidArfError(
      `Could not parse ${source} as XML: ${sanitizeForDisplay(String(error instanceof Error ? error.message : error))}`,
      source,
      { cause: error }
    );
  }
  const roots = (Array.isArray(raw) ? raw : []).filter(isElementEntry);
  const root = roots[0];
  if (roots.length !== 1 || root === void 0) {
    throw new InvalidArfError(
      `Expected ${source} to have one root element, found ${roots.length}`,
      source
    );
  }
  return toElement(root, rootScope, source, options.skip);
}
var rootScope = /* @__PURE__ */ new Map([["xml", ns.xml]]);
function isElementEntry(entry) {
  return typeof entry === "object" && entry !== null && elementName(entry) !== void 0;
}
function elementName(entry) {
  return Object.keys(entry).find((k) => k !== ":@" && k !== "#text" && k !== "#cdata");
}
function toElement(entry, parentScope, source, skip) {
  const qname = elementName(entry) ?? "";
  const rawAttrs = entry[":@"] ?? {};
  let scope = parentScope;
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === "xmlns" || key.startsWith("xmlns:")) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(
        key === "xmlns" ? "" : key.slice(6),
        decodeText(String(value), source)
      );
    }
  }
  const attrs = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === "xmlns" || key.startsWith("xmlns:")) continue;
    const colon2 = key.indexOf(":");
    const name = colon2 < 0 ? key : `{${resolve(key.slice(0, colon2), scope, source)}}${key.slice(colon2 + 1)}`;
    attrs.set(name, decodeText(String(value), source));
  }
  const colon = qname.indexOf(":");
  const children2 = [];
  for (const child2 of entry[qname] ?? []) {
    if ("#text" in child2) children2.push(decodeText(String(child2["#text"]), source));
    else if ("#cdata" in child2) {
      for (const part of child2["#cdata"]) children2.push(String(part["#text"] ?? ""));
    } else if (isElementEntry(child2)) {
      if (skip !== void 0 && isSkipped(child2, scope, source, skip)) continue;
      children2.push(toElement(child2, scope, source, skip));
    }
  }
  return {
    ns: resolve(colon < 0 ? "" : qname.slice(0, colon), scope, source),
    name: colon < 0 ? qname : qname.slice(colon + 1),
    attrs,
    children: children2
  };
}
function isSkipped(entry, parentScope, source, skip) {
  const qname = elementName(entry) ?? "";
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon);
  const attrs = entry[":@"] ?? {};
  const declared = attrs[prefix === "" ? "xmlns" : `xmlns:${prefix}`];
  const uri = declared === void 0 ? resolve(prefix, parentScope, source) : decodeText(String(declared), source);
  return skip(uri, colon < 0 ? qname : qname.slice(colon + 1));
}
function resolve(prefix, scope, source) {
  const uri = scope.get(prefix);
  if (uri !== void 0) return uri;
  if (prefix === "") return "";
  throw new InvalidArfError(
    `Expected every namespace prefix in ${source} to be declared, found \`${sanitizeForDisplay(prefix, 60)}\` undeclared`,
    source
  );
}

// packages/core/src/arf/parse-arf.ts
async function parseArf(path, options = {}) {
  return parseArfText(await readXmlFile(path, options), path);
}
var unread = /* @__PURE__ */ new Set([
  "http://oval.mitre.org/XMLSchema/oval-definitions-5 oval_definitions",
  "http://scap.nist.gov/schema/ocil/2.0 ocil",
  "http://cpe.mitre.org/dictionary/2.0 cpe-list"
]);
var skipUnread = (uri, name) => unread.has(`${uri} ${name}`);
function parseArfText(xml2, source) {
  const root = parseXml2(xml2, source, { skip: skipUnread });
  const fail2 = (message) => {
    throw new InvalidArfError(`${message} in ${source}`, source);
  };
  if (root.ns !== ns.arf || root.name !== "asset-report-collection") {
    fail2(`Expected an ARF 1.1 <asset-report-collection> (${ns.arf}), found <${describe2(root)}>`);
  }
  const reports = /* @__PURE__ */ new Map();
  for (const report2 of children(child(root, ns.arf, "reports") ?? root, ns.arf, "report")) {
    const content = child(report2, ns.arf, "content");
    const first = content && children(content, void 0)[0];
    if (first !== void 0) reports.set(report2.attrs.get("id") ?? "", first);
  }
  const testResults = [...reports.values()].filter(
    (e) => e.ns === ns.xccdf && e.name === "TestResult"
  );
  if (testResults.length !== 1) {
    fail2(`Expected exactly one XCCDF 1.2 TestResult report, found ${testResults.length}`);
  }
  const testResult = readTestResult(testResults[0], fail2);
  const requests = child(root, ns.arf, "report-requests");
  const benchmarkElement = (requests ? descendants(requests, ns.xccdf, "Benchmark", { stopAtMatch: true }) : []).find((b) => b.attrs.get("id") === testResult.benchmarkId);
  if (benchmarkElement === void 0) {
    fail2(`Expected the data stream to contain Benchmark ${testResult.benchmarkId}, found none`);
  }
  const tailoringProfiles = requests ? descendants(requests, ns.xccdf, "Tailoring", { stopAtMatch: true }).flatMap(
    (t) => children(t, ns.xccdf, "Profile")
  ) : [];
  const benchmark = readBenchmark(
    benchmarkElement,
    tailoringProfiles,
    testResult.setValues,
    fail2
  );
  const oval = /* @__PURE__ */ new Map();
  for (const [id, content] of reports) {
    if (content.ns === ns.ovalRes && content.name === "oval_results")
      oval.set(id, readOvalResults(content, source));
  }
  return { source, testResult, benchmark, oval };
}
function required(element, name, fail2) {
  const value = element.attrs.get(name);
  if (value === void 0 || value === "")
    fail2(`Expected <${element.name}> to have a non-empty @${name}`);
  return value;
}
function readTestResult(element, fail2) {
  const id = required(element, "id", fail2);
  const benchmark = child(element, ns.xccdf, "benchmark");
  if (benchmark === void 0) fail2(`Expected TestResult ${id} to have a <benchmark>`);
  const profileId = child(element, ns.xccdf, "profile")?.attrs.get("idref");
  const scores = children(element, ns.xccdf, "score").map((score) => {
    const value = Number(text(score).trim());
    const maximum = Number(score.attrs.get("maximum") ?? "100");
    if (!Number.isFinite(value) || !Number.isFinite(maximum)) {
      fail2(
        `Expected TestResult score to be a number, got \`${sanitizeForDisplay(text(score), 40)}\``
      );
    }
    return { system: score.attrs.get("system") ?? "urn:xccdf:scoring:default", value, maximum };
  });
  const setValues = /* @__PURE__ */ new Map();
  for (const setValue of children(element, ns.xccdf, "set-value")) {
    setValues.set(required(setValue, "idref", fail2), text(setValue));
  }
  const seen = /* @__PURE__ */ new Map();
  const ruleResults = children(element, ns.xccdf, "rule-result").map((rr) => {
    const idref = required(rr, "idref", fail2);
    const index = seen.get(idref) ?? 0;
    seen.set(idref, index + 1);
    return readRuleResult(rr, idref, index, fail2);
  });
  const result = {
    id,
    startTime: element.attrs.get("start-time") ?? "",
    endTime: required(element, "end-time", fail2),
    testSystem: element.attrs.get("test-system") ?? "",
    version: element.attrs.get("version") ?? "",
    benchmarkId: required(benchmark, "id", fail2),
    target: text(child(element, ns.xccdf, "target") ?? element).trim(),
    facts: children(child(element, ns.xccdf, "target-facts") ?? element, ns.xccdf, "fact").map(
      (fact) => ({
        name: fact.attrs.get("name") ?? "",
        type: fact.attrs.get("type") ?? "string",
        value: text(fact)
      })
    ),
    scores,
    setValues,
    platforms: children(element, ns.xccdf, "platform").flatMap((p) => p.attrs.get("idref") ?? []),
    ruleResults
  };
  if (profileId !== void 0) result.profileId = profileId;
  return result;
}
function readRuleResult(element, idref, index, fail2) {
  const resultElement = child(element, ns.xccdf, "result");
  const result = resultElement === void 0 ? void 0 : text(resultElement).trim();
  if (result === void 0 || !ruleResultValues.includes(result)) {
    fail2(
      `Expected rule-result ${idref} to have a <result> of ${ruleResultValues.join("|")}, got ${result === void 0 ? "none" : `\`${sanitizeForDisplay(result, 40)}\``}`
    );
  }
  const parsed = {
    idref,
    index,
    severity: readSeverity(element, `rule-result ${idref}`, fail2),
    result,
    identifiers: readIdents(element),
    checks: children(element, ns.xccdf, "check").flatMap((check2) => {
      const exports2 = children(check2, ns.xccdf, "check-export").map((e) => ({
        valueId: e.attrs.get("value-id") ?? "",
        exportName: e.attrs.get("export-name") ?? ""
      }));
      return readCheckRefs(check2).map((ref) => ({ ...ref, exports: exports2 }));
    }),
    messages: children(element, ns.xccdf, "message").map((m) => {
      const severity = m.attrs.get("severity");
      return severity === void 0 ? { text: text(m) } : { severity, text: text(m) };
    })
  };
  for (const name of ["role", "weight", "time"]) {
    const value = element.attrs.get(name);
    if (value !== void 0) parsed[name] = value;
  }
  return parsed;
}
function readSeverity(element, what, fail2) {
  const severity = element.attrs.get("severity") ?? "unknown";
  if (!severities.includes(severity)) {
    fail2(
      `Expected ${what} to have @severity ${severities.join("|")}, got \`${sanitizeForDisplay(severity, 40)}\``
    );
  }
  return severity;
}
function readIdents(element) {
  return children(element, ns.xccdf, "ident").map((i) => ({
    system: i.attrs.get("system") ?? "",
    value: text(i).trim()
  }));
}
function readCheckRefs(check2) {
  const system = check2.attrs.get("system") ?? "";
  const refs = children(check2, ns.xccdf, "check-content-ref");
  if (refs.length === 0) return [{ system }];
  return refs.map((ref) => {
    const out = { system };
    const name = ref.attrs.get("name");
    const href = ref.attrs.get("href");
    if (name !== void 0) out.name = name;
    if (href !== void 0) out.href = href;
    return out;
  });
}
function readBenchmark(element, tailoringProfiles, setValues, fail2) {
  const defaults = /* @__PURE__ */ new Map();
  for (const value of descendants(element, ns.xccdf, "Value")) {
    const plain = children(value, ns.xccdf, "value").find((v) => !v.attrs.has("selector"));
    const id = value.attrs.get("id");
    if (id !== void 0 && plain !== void 0) defaults.set(id, text(plain));
  }
  const resolveSub = (idref) => setValues.get(idref) ?? defaults.get(idref);
  const profiles = /* @__PURE__ */ new Map();
  for (const profile of [...children(element, ns.xccdf, "Profile"), ...tailoringProfiles]) {
    const id = profile.attrs.get("id");
    if (id !== void 0)
      profiles.set(id, flattenXccdfText(child(profile, ns.xccdf, "title"), resolveSub));
  }
  const rules = /* @__PURE__ */ new Map();
  const visit = (container, inherited) => {
    const platforms = [
      ...inherited,
      ...children(container, ns.xccdf, "platform").flatMap((p) => p.attrs.get("idref") ?? [])
    ];
    for (const node of children(container, ns.xccdf)) {
      if (node.name === "Group") visit(node, platforms);
      else if (node.name === "Rule") {
        const rule = readRule(node, platforms, resolveSub, fail2);
        rules.set(rule.id, rule);
      }
    }
  };
  visit(element, []);
  return {
    id: required(element, "id", fail2),
    version: text(child(element, ns.xccdf, "version") ?? element).trim(),
    title: flattenXccdfText(child(element, ns.xccdf, "title"), resolveSub),
    profiles,
    rules
  };
}
function readRule(element, inherited, resolveSub, fail2) {
  const id = required(element, "id", fail2);
  const flat = (name) => flattenXccdfText(child(element, ns.xccdf, name), resolveSub);
  return {
    id,
    severity: readSeverity(element, `Rule ${id}`, fail2),
    title: flat("title"),
    description: flat("description"),
    rationale: flat("rationale"),
    references: children(element, ns.xccdf, "reference").map((r) => {
      const href = r.attrs.get("href") ?? "";
      const framework = frameworkForHref(href);
      const reference = { href, text: text(r).trim() };
      return framework === void 0 ? reference : { ...reference, framework };
    }),
    identifiers: readIdents(element),
    fixes: [
      ...new Set(children(element, ns.xccdf, "fix").flatMap((f) => f.attrs.get("system") ?? []))
    ].sort(),
    checks: children(element, ns.xccdf, "check").flatMap(readCheckRefs),
    platforms: [
      .../* @__PURE__ */ new Set([
        ...inherited,
        ...children(element, ns.xccdf, "platform").flatMap((p) => p.attrs.get("idref") ?? [])
      ])
    ]
  };
}
function describe2(element) {
  return sanitizeForDisplay(
    element.ns === "" ? element.name : `${element.name} xmlns="${element.ns}"`,
    120
  );
}

// packages/core/src/results/build-results.ts
var defaultScoreSystem = "urn:xccdf:scoring:default";
function buildScanResults(parsed, options) {
  const { testResult, benchmark } = parsed;
  const counts = emptyCounts();
  const rules = [];
  for (const ruleResult of testResult.ruleResults) {
    counts[ruleResult.result] += 1;
    if (ruleResult.result === "notselected") continue;
    rules.push(toOutcome(ruleResult, benchmark.rules.get(ruleResult.idref)));
  }
  rules.sort((a, b) => compareStrings(a.id, b.id) || a.index - b.index);
  const score = testResult.scores.find((s) => s.system === defaultScoreSystem) ?? testResult.scores[0] ?? { system: defaultScoreSystem, value: 0, maximum: 100 };
  const profileId = testResult.profileId ?? "";
  const scanner = {
    name: "OpenSCAP",
    version: scannerVersion(parsed),
    content: {
      path: options.scanner.content.path,
      sha256: options.scanner.content.sha256,
      benchmarkId: benchmark.id,
      benchmarkVersion: benchmark.version
    },
    profile: {
      id: profileId,
      title: benchmark.profiles.get(profileId) ?? (profileId === "" ? "No profile (default benchmark)" : profileId)
    },
    durationSeconds: options.scanner.durationSeconds
  };
  if (options.scanner.tailoring !== void 0) scanner.tailoring = options.scanner.tailoring;
  return {
    image: options.image,
    scanner,
    testResultId: testResult.id,
    startTime: testResult.startTime,
    endTime: testResult.endTime,
    score: { system: score.system, value: score.value, maximum: score.maximum },
    counts,
    rules
  };
}
function shortRuleId(id) {
  return /^xccdf_[^_]+_rule_(.+)$/.exec(id)?.[1] ?? id;
}
function toOutcome(ruleResult, rule) {
  return {
    id: ruleResult.idref,
    shortId: shortRuleId(ruleResult.idref),
    index: ruleResult.index,
    title: rule?.title || shortRuleId(ruleResult.idref),
    severity: ruleResult.severity,
    result: ruleResult.result,
    description: rule?.description ?? "",
    rationale: rule?.rationale ?? "",
    references: rule?.references ?? [],
    identifiers: ruleResult.identifiers.length > 0 ? ruleResult.identifiers : rule?.identifiers ?? [],
    fixes: rule?.fixes ?? [],
    checks: ruleResult.checks.length > 0 ? ruleResult.checks.map(({ exports: _exports, ...check2 }) => check2) : rule?.checks ?? [],
    messages: ruleResult.messages.map((m) => m.text)
  };
}
function scannerVersion(parsed) {
  const fact = parsed.testResult.facts.find((f) => f.name === "urn:xccdf:fact:scanner:version");
  if (fact !== void 0 && fact.value !== "") return fact.value;
  return /^cpe:\/a:[^:]+:openscap:([^:]+)/.exec(parsed.testResult.testSystem)?.[1] ?? "";
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// packages/core/src/results/results-json.ts
var resultsSchemaUri = "https://scapgate.dev/schemas/results/v1";
var resultsSchemaVersion = 1;
function toResultsDocument(results, verdict) {
  return { schema: resultsSchemaUri, version: resultsSchemaVersion, ...results, gate: verdict };
}
function serializeResults(results, verdict) {
  return `${JSON.stringify(toResultsDocument(results, verdict), null, 2)}
`;
}

// packages/core/src/policy/types.ts
var policyModes = ["absolute", "ratchet"];
var countAsValues = ["failure", "ignore"];
var staleWaiverActions = ["report", "fail"];
var defaultCountAs = {
  error: "failure",
  unknown: "failure",
  notchecked: "ignore"
};

// packages/core/src/baseline/classify.ts
var worstFirst = [
  "fail",
  "error",
  "unknown",
  "notchecked",
  "informational",
  "fixed",
  "pass",
  "notapplicable",
  "notselected"
];
function worstResult(a, b) {
  return worstFirst.indexOf(a) <= worstFirst.indexOf(b) ? a : b;
}
function perRule(rules) {
  const map = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    const seen = map.get(rule.id);
    map.set(rule.id, seen === void 0 ? rule.result : worstResult(seen, rule.result));
  }
  return map;
}
function isFailing(result, countAs) {
  if (result === "fail") return true;
  if (result === "error" || result === "unknown" || result === "notchecked")
    return countAs[result] === "failure";
  return false;
}
function classifyRule(now, before, countAs) {
  if (now === "notselected") return void 0;
  if (before === void 0 || before === "notselected") return "new-rule";
  const failsNow = isFailing(now, countAs);
  const failedBefore = isFailing(before, countAs);
  if (failsNow)
    return failedBefore ? "still-failing" : now === "fail" ? "new-failure" : "regression";
  if (now === "notapplicable" && before !== "notapplicable") return "newly-not-applicable";
  if (failedBefore) return "fixed";
  return void 0;
}
function classifyRules(current, baseline, countAs) {
  const changes = /* @__PURE__ */ new Map();
  for (const [id, result] of current) {
    const kind = classifyRule(result, baseline.get(id), countAs);
    if (kind !== void 0) changes.set(id, kind);
  }
  return changes;
}

// packages/core/src/policy/policy-error.ts
var PolicyError = class extends ConfigurationError {
  constructor(file, line, keyPath, detail) {
    super(`${file}${line > 0 ? `:${line}` : ""}: ${keyPath === "" ? "" : `${keyPath}: `}${detail}`);
    this.file = file;
    this.line = line;
    this.keyPath = keyPath;
    this.detail = detail;
    this.name = "PolicyError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  file;
  line;
  keyPath;
  detail;
};

// packages/core/src/policy/check-rules.ts
function shortRuleId2(id) {
  const at = id.indexOf("_rule_");
  return at < 0 ? id : id.slice(at + "_rule_".length);
}
function waiverNames(waiver, ruleId) {
  return waiver.rule === ruleId || waiver.rule === shortRuleId2(ruleId);
}
function checkWaiverRules(waivers, contentRuleIds) {
  const known = /* @__PURE__ */ new Set();
  let count = 0;
  for (const id of contentRuleIds) {
    count += 1;
    known.add(id);
    known.add(shortRuleId2(id));
  }
  for (const waiver of waivers) {
    if (known.has(waiver.rule)) continue;
    throw new PolicyError(
      waiver.source?.file ?? "policy",
      waiver.source?.line ?? 0,
      `${waiver.source?.path ?? "waivers"}.rule`,
      `unknown rule id \`${waiver.rule}\`: the scanned content has no such rule (it has ${count})`
    );
  }
}

// packages/core/src/gate/types.ts
var failOnValues = ["low", "medium", "high", "never"];
var ruleChangeKinds = [
  "new-failure",
  "regression",
  "still-failing",
  "fixed",
  "newly-not-applicable",
  "new-rule"
];

// packages/core/src/gate/summarize.ts
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function summarize(verdict) {
  const { status, failOn, counts, waivers, mode } = verdict;
  const threshold2 = failOn === "never" ? "gate disabled (fail-on never)" : `fail-on ${failOn}`;
  const extras = [];
  if (mode === "ratchet") extras.push("ratchet against the baseline");
  if (counts.waived > 0) extras.push(`${plural(counts.waived, "waived failure")}`);
  if (waivers.expired.length > 0) extras.push(`${plural(waivers.expired.length, "expired waiver")}`);
  if (waivers.stale.length > 0) extras.push(`${plural(waivers.stale.length, "stale waiver")}`);
  const other = verdict.reasons.filter(
    (r) => ![
      "failed-rules",
      "unverified-rules",
      "new-failures",
      "regressions",
      "nothing-evaluated"
    ].includes(r.kind)
  );
  if (other.length > 0) extras.push(other.map((r) => r.kind).join(", "));
  const tail = extras.length === 0 ? "" : `; ${extras.join("; ")}`;
  if (status === "fail" && counts.evaluated === 0 && verdict.reasons.some((r) => r.kind === "nothing-evaluated")) {
    return `Compliance gate failed: no rule was evaluated (${counts.selected} selected); ${threshold2}${tail}.`;
  }
  const verb2 = status === "pass" ? "passed" : "failed";
  const noun = mode === "ratchet" ? "new " : "";
  return `Compliance gate ${verb2}: ${plural(counts.failing, `${noun}failing rule`)}, ${plural(counts.unverified, `${noun}unverified rule`)} at or above the threshold, ${counts.evaluated} of ${counts.selected} selected rules evaluated; ${threshold2}${tail}.`;
}

// packages/core/src/gate/evaluate-policy-gate.ts
var severityRank = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  unknown: 3
};
var evaluatedResults = /* @__PURE__ */ new Set(["pass", "fail", "error", "unknown", "informational", "fixed"]);
var reportOrder = ["high", "unknown", "medium", "low", "info"];
function isExpired(waiver, now) {
  const [y, m, d] = waiver.expires.split("-").map(Number);
  return now.getTime() >= Date.UTC(y, m - 1, d + 1);
}
function evaluatePolicyGate(results, options) {
  const { thresholds, mode, now } = options;
  const { failOn, max, countAs } = thresholds;
  const selected = results.rules.filter((r) => r.result !== "notselected");
  const evaluated = selected.filter((r) => evaluatedResults.has(r.result));
  const failing = selected.filter((r) => isFailing(r.result, countAs));
  const active = options.waivers.filter((w) => !isExpired(w, now));
  const expired = options.waivers.filter((w) => isExpired(w, now));
  const covered = (waiver) => ids(failing.filter((r) => waiverNames(waiver, r.id)));
  const waived = failing.filter((r) => active.some((w) => waiverNames(w, r.id)));
  const applied = active.filter((w) => covered(w).length > 0).map((w) => report(w, covered(w)));
  const stale = active.filter((w) => covered(w).length === 0).map((w) => report(w, []));
  const expiredReports = expired.map((w) => report(w, covered(w)));
  const unwaived = failing.filter((r) => !waived.includes(r));
  let baseline;
  let changes;
  if (options.baseline !== void 0) {
    changes = classifyRules(perRule(selected), options.baseline.rules, countAs);
    baseline = {
      source: options.baseline.source,
      ...options.baseline.score === void 0 ? {} : { score: options.baseline.score },
      changes: Object.fromEntries(
        ruleChangeKinds.map((kind) => [
          kind,
          [...changes].filter(([, k]) => k === kind).map(([id]) => id).sort()
        ])
      )
    };
  }
  const ratchet = mode === "ratchet" && changes !== void 0;
  const considered = ratchet ? unwaived.filter(
    (r) => changes.get(r.id) === "new-failure" || changes.get(r.id) === "regression"
  ) : unwaived;
  const defaultAllowance = (severity) => failOn !== "never" && severity !== "info" && severityRank[severity] >= severityRank[failOn] ? 0 : Infinity;
  const gatingByDefault = considered.filter(
    (r) => max[r.severity] === void 0 && defaultAllowance(r.severity) === 0
  );
  const threshold2 = failOn === "never" ? "high" : failOn;
  const failRules = gatingByDefault.filter((r) => r.result === "fail");
  const unverifiedRules = gatingByDefault.filter((r) => r.result !== "fail");
  const reasons = [];
  if (failOn !== "never" && evaluated.length === 0) {
    reasons.push({
      kind: "nothing-evaluated",
      message: selected.length === 0 ? "No rule was selected: check the profile (oscap evaluates nothing without one)." : `None of the ${selected.length} selected rules could be evaluated (all notapplicable or notchecked): the content probably does not match the image's OS.`,
      ruleIds: ids(selected)
    });
  }
  if (failRules.length > 0) {
    const ruleIds = ids(failRules);
    reasons.push(
      ratchet ? {
        kind: "new-failures",
        message: `${plural2(ruleIds.length, "rule")} failed at severity ${failOn} or higher that did not fail in the baseline.`,
        ruleIds,
        threshold: threshold2
      } : {
        kind: "failed-rules",
        message: `${plural2(ruleIds.length, "rule")} failed at severity ${failOn} or higher.`,
        ruleIds,
        threshold: threshold2
      }
    );
  }
  if (unverifiedRules.length > 0) {
    const ruleIds = ids(unverifiedRules);
    reasons.push(
      ratchet ? {
        kind: "regressions",
        message: `${plural2(ruleIds.length, "rule")} at severity ${failOn} or higher could not be checked and did not fail in the baseline.`,
        ruleIds,
        threshold: threshold2
      } : {
        kind: "unverified-rules",
        message: `${plural2(ruleIds.length, "rule")} at severity ${failOn} or higher could not be checked (${countedResults(countAs)}).`,
        ruleIds,
        threshold: threshold2
      }
    );
  }
  for (const severity of reportOrder) {
    const maximum = max[severity];
    if (maximum === void 0) continue;
    const over = considered.filter((r) => r.severity === severity);
    const count = ids(over).length;
    if (count > maximum) {
      reasons.push({
        kind: "too-many-failures",
        message: `${plural2(count, `${ratchet ? "new " : ""}failing ${severity}-severity rule`)}, more than the ${maximum} allowed.`,
        ruleIds: ids(over),
        severity,
        maximum,
        count
      });
    }
  }
  const score = results.score.value;
  if (ratchet && options.baseline?.score !== void 0 && score < options.baseline.score) {
    reasons.push({
      kind: "score-dropped",
      message: `The score dropped from ${options.baseline.score.toFixed(2)} (baseline) to ${score.toFixed(2)}.`,
      ruleIds: baseline?.changes["new-failure"] ?? [],
      score,
      baselineScore: options.baseline.score
    });
  }
  if (!ratchet && thresholds.minScore !== void 0 && score < thresholds.minScore) {
    reasons.push({
      kind: "score-below-minimum",
      message: `The score ${score.toFixed(2)} is below the minimum ${thresholds.minScore}.`,
      ruleIds: [],
      score,
      minimum: thresholds.minScore
    });
  }
  if (expiredReports.length > 0) {
    reasons.push({
      kind: "expired-waivers",
      message: `${plural2(expiredReports.length, "waiver")} expired: ${expiredReports.map((w) => `${w.rule} (${w.expires}${w.source === void 0 ? "" : `, ${w.source}`})`).join(", ")}; renew or remove ${expiredReports.length === 1 ? "it" : "them"}.`,
      ruleIds: [...new Set(expiredReports.map((w) => w.rule))].sort(),
      waivers: expiredReports
    });
  }
  if (stale.length > 0 && options.staleWaivers === "fail") {
    reasons.push({
      kind: "stale-waivers",
      message: `${plural2(stale.length, "waiver")} match no failing rule: ${stale.map((w) => w.rule).join(", ")}; remove ${stale.length === 1 ? "it" : "them"}.`,
      ruleIds: [...new Set(stale.map((w) => w.rule))].sort(),
      waivers: stale
    });
  }
  const status = reasons.length === 0 ? "pass" : "fail";
  const failCount = failRules.length;
  const unverifiedCount = unverifiedRules.length;
  const verdict = {
    status,
    failOn,
    mode: ratchet ? "ratchet" : "absolute",
    reasons,
    counts: {
      selected: selected.length,
      evaluated: evaluated.length,
      failing: failCount,
      unverified: unverifiedCount,
      belowThreshold: unwaived.filter((r) => r.result === "fail" && !failRules.includes(r)).length,
      waived: waived.length,
      results: results.counts
    },
    waivers: { applied, expired: expiredReports, stale },
    ...baseline === void 0 ? {} : { baseline },
    ...Object.keys(max).length === 0 ? {} : { maxCounts: max },
    ...thresholds.minScore === void 0 ? {} : { minScore: thresholds.minScore },
    summary: ""
  };
  verdict.summary = summarize(verdict);
  return verdict;
}
function report(waiver, ruleIds) {
  return {
    rule: waiver.rule,
    ...waiver.images === void 0 ? {} : { images: waiver.images },
    reason: waiver.reason,
    approver: waiver.approver,
    expires: waiver.expires,
    ruleIds,
    ...waiver.source === void 0 ? {} : { source: `${waiver.source.file}:${waiver.source.line}` }
  };
}
function countedResults(countAs) {
  return ["error", "unknown", "notchecked"].filter((r) => countAs[r] === "failure").join(" or ");
}
function ids(rules) {
  return [...new Set(rules.map((r) => r.id))].sort();
}
function plural2(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// packages/core/src/gate/evaluate-gate.ts
function evaluateGate(results, options) {
  return evaluatePolicyGate(results, {
    thresholds: { failOn: options.failOn, max: {}, countAs: defaultCountAs },
    mode: "absolute",
    waivers: [],
    staleWaivers: "report",
    now: /* @__PURE__ */ new Date(0)
  });
}

// packages/core/src/report/sarif.ts
import { createHash as createHash8 } from "node:crypto";
import { gzipSync } from "node:zlib";

// packages/core/src/dockerfile/parse-dockerfile.ts
var directivePattern = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
var heredocPattern = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
var heredocKeywords = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
function parseDockerfile(text3) {
  const lines2 = text3.replace(/^\uFEFF/, "").split(/\r?\n/);
  const directives = {};
  let at = 0;
  for (; at < lines2.length; at++) {
    const match = directivePattern.exec(lines2[at]);
    if (match === null) break;
    const key = match[1].toLowerCase();
    if (key in directives) break;
    directives[key] = match[2];
  }
  const escape = directives["escape"] === "`" ? "`" : "\\";
  const instructions = [];
  const stages = [];
  while (at < lines2.length) {
    const line = lines2[at];
    if (/^\s*$/.test(line) || /^\s*#/.test(line)) {
      at++;
      continue;
    }
    const startLine = at + 1;
    let logical = "";
    for (; ; ) {
      const current = lines2[at];
      at++;
      const continued = endsWithEscape(current, escape);
      logical += continued ? stripEscape(current, escape) : current;
      if (!continued) break;
      while (at < lines2.length && /^\s*(#.*)?$/.test(lines2[at])) at++;
      if (at >= lines2.length) break;
    }
    const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(logical);
    const keyword = (match?.[1] ?? "").toUpperCase();
    const args = (match?.[2] ?? "").trim();
    const heredocs = [];
    if (heredocKeywords.has(keyword)) {
      for (const doc of args.matchAll(heredocPattern)) {
        const strip = doc[1] === "-";
        const name = doc[3];
        const body = [];
        while (at < lines2.length) {
          const bodyLine = lines2[at];
          at++;
          const candidate = strip ? bodyLine.replace(/^\t+/, "") : bodyLine;
          if (candidate === name) break;
          body.push(candidate);
        }
        heredocs.push({ name, body: body.join("\n") });
      }
    }
    const { flags, rest } = splitFlags(args);
    const instruction = {
      keyword,
      args,
      flags,
      rest,
      heredocs,
      startLine,
      endLine: at,
      stage: keyword === "FROM" ? stages.length : stages.length - 1
    };
    instructions.push(instruction);
    if (keyword === "FROM") {
      const words = rest.split(/\s+/);
      const asAt = words.findIndex((w) => w.toUpperCase() === "AS");
      const stage = {
        index: stages.length,
        base: words[0] ?? "",
        from: instruction,
        instructions: []
      };
      const name = asAt >= 0 ? words[asAt + 1] : void 0;
      if (name !== void 0 && name !== "") stage.name = name.toLowerCase();
      stages.push(stage);
    } else if (stages.length > 0) {
      ;
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { escape, directives, instructions, stages };
}
function endsWithEscape(line, escape) {
  const trimmed = line.replace(/\s+$/, "");
  if (!trimmed.endsWith(escape)) return false;
  return !/^\s*#/.test(line);
}
function stripEscape(line, escape) {
  const trimmed = line.replace(/\s+$/, "");
  return trimmed.slice(0, trimmed.length - escape.length);
}
function splitFlags(args) {
  const flags = [];
  let rest = args;
  for (; ; ) {
    const match = /^--\S+\s*/.exec(rest);
    if (match === null) break;
    flags.push(match[0].trim());
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}
function finalStageChain(dockerfile) {
  const chain = [];
  let stage = dockerfile.stages[dockerfile.stages.length - 1];
  while (stage !== void 0) {
    chain.unshift(stage);
    const base = stage.base.toLowerCase();
    const before = dockerfile.stages.slice(0, stage.index);
    stage = before.reverse().find((s) => s.name === base);
  }
  return chain;
}

// packages/core/src/dockerfile/match-history.ts
var layerKeywords = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
function describeHistory(history, layerCount) {
  const nonEmpty = history.filter((h) => !h.emptyLayer).length;
  const mapLayers = nonEmpty === layerCount;
  let layer = 0;
  return history.map((entry, historyIndex) => {
    const createdBy = entry.createdBy ?? "";
    const step = { historyIndex, ...normalizeCreatedBy(createdBy), createdBy };
    if (!entry.emptyLayer) {
      if (mapLayers) step.layerIndex = layer;
      layer += 1;
    }
    return step;
  });
}
function normalizeCreatedBy(createdBy) {
  let text3 = createdBy.trim();
  if (/#\s*buildkit$/.test(text3)) text3 = text3.replace(/#\s*buildkit$/, "").trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s*(\S+)\s*([\s\S]*)$/.exec(text3);
  if (nop !== null) return { kind: nop[1].toUpperCase(), text: collapse(nop[2] ?? "") };
  const keyword = /^([A-Z]+)\s+([\s\S]*)$/.exec(text3);
  if (keyword !== null && knownKeywords.has(keyword[1])) {
    const kind = keyword[1];
    const rest = keyword[2];
    return { kind, text: kind === "RUN" ? shellCommand(rest) : collapse(rest) };
  }
  return { kind: "RUN", text: shellCommand(text3) };
}
var knownKeywords = /* @__PURE__ */ new Set([
  "RUN",
  "COPY",
  "ADD",
  "ENV",
  "ARG",
  "LABEL",
  "USER",
  "WORKDIR",
  "CMD",
  "ENTRYPOINT",
  "EXPOSE",
  "VOLUME",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "SHELL",
  "ONBUILD",
  "MAINTAINER"
]);
function shellCommand(raw) {
  let text3 = raw.trim();
  const args = /^\|(\d+)\s+/.exec(text3);
  if (args !== null) {
    text3 = text3.slice(args[0].length);
    for (let i = 0; i < Number(args[1]); i++) text3 = text3.replace(/^\S+=\S*\s*/, "");
  }
  const shell = /^(?:\S*\/)?[a-z]*sh(?:\s+-[a-zA-Z]+(?:\s+[a-z]+)?)*?\s+-c\s+([\s\S]*)$/.exec(text3);
  if (shell !== null) return collapse(shell[1]);
  return collapse(execForm(text3) ?? text3);
}
function execForm(text3) {
  if (!text3.startsWith("[")) return void 0;
  try {
    const parsed = JSON.parse(text3);
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === "string")) return parsed.join(" ");
  } catch {
  }
  return void 0;
}
function collapse(text3) {
  return text3.replace(/\s+/g, " ").trim();
}
function instructionText(instruction) {
  return collapse(execForm(instruction.rest.trim()) ?? instruction.rest);
}
function matchScore(step, instruction) {
  if (step.kind !== instruction.keyword) return 0;
  const text3 = instructionText(instruction);
  if (step.kind === "RUN") {
    if (step.text === text3) return 10;
    if (instruction.heredocs.length > 0 && text3 !== "" && step.text.includes(text3)) return 5;
    return 0;
  }
  if (step.kind === "COPY" || step.kind === "ADD") {
    if (step.text === collapse(instruction.args)) return 10;
    const podman = /\sin\s+(\S+)\s*$/.exec(` ${step.text}`);
    const destination = lastWord(instruction);
    if (podman !== null && destination !== void 0 && sameDir(podman[1], destination))
      return 6;
    return 0;
  }
  return step.text === text3 ? 3 : 1;
}
function lastWord(instruction) {
  const exec = execForm(instruction.rest.trim());
  const words = exec === void 0 ? instruction.rest.trim().split(/\s+/) : JSON.parse(instruction.rest);
  return words[words.length - 1];
}
function sameDir(a, b) {
  const strip = (p) => p.length > 1 ? p.replace(/\/+$/, "") : p;
  return strip(a) === strip(b);
}
function matchHistory(steps, dockerfile) {
  const instructions = finalStageChain(dockerfile).flatMap((s) => s.instructions);
  const n = steps.length;
  const m = instructions.length;
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let j2 = m - 1; j2 >= 0; j2--) {
      const row2 = dp[i2];
      const score = matchScore(steps[i2], instructions[j2]);
      row2[j2] = Math.max(
        dp[i2 + 1][j2],
        row2[j2 + 1],
        score > 0 ? score + dp[i2 + 1][j2 + 1] : 0
      );
    }
  }
  const matched = /* @__PURE__ */ new Map();
  const matchedInstructions = /* @__PURE__ */ new Set();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const score = matchScore(steps[i], instructions[j]);
    const here = dp[i][j];
    if (score > 0 && here === score + dp[i + 1][j + 1]) {
      matched.set(steps[i].historyIndex, instructions[j]);
      matchedInstructions.add(j);
      i++;
      j++;
    } else if (here === dp[i + 1][j]) i++;
    else j++;
  }
  const base = /* @__PURE__ */ new Set();
  const firstLayerInstruction = instructions.findIndex(
    (ins, at) => matchedInstructions.has(at) && layerKeywords.has(ins.keyword)
  );
  const unmatchedBefore = instructions.slice(0, Math.max(firstLayerInstruction, 0)).some((ins) => layerKeywords.has(ins.keyword));
  if (firstLayerInstruction >= 0 && !unmatchedBefore) {
    const target = instructions[firstLayerInstruction];
    const boundary = steps.find((s) => matched.get(s.historyIndex) === target)?.historyIndex ?? 0;
    for (const step of steps) {
      if (step.historyIndex < boundary && !matched.has(step.historyIndex))
        base.add(step.historyIndex);
    }
  }
  return { instructions: matched, base };
}

// packages/core/src/blame/dpkg-status.ts
function parseDpkgStatus(text3) {
  const installed = /* @__PURE__ */ new Map();
  for (const stanza of text3.split(/\n\s*\n/)) {
    const fields = /* @__PURE__ */ new Map();
    for (const line of stanza.split("\n")) {
      const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
      if (match !== null)
        fields.set(match[1].toLowerCase(), match[2].trim());
    }
    const name = fields.get("package");
    const version = fields.get("version");
    const status = fields.get("status") ?? "install ok installed";
    if (name === void 0 || version === void 0) continue;
    if (!/(^| )installed$/.test(status)) continue;
    installed.set(name, version);
  }
  return installed;
}

// packages/core/src/blame/layer-evidence.ts
import { createHash as createHash7 } from "node:crypto";
var dpkgStatusPath = "/var/lib/dpkg/status";
var dpkgStatusDir = "/var/lib/dpkg/status.d";
function isDpkgDatabase(path) {
  return path === dpkgStatusPath || path.startsWith(`${dpkgStatusDir}/`);
}
async function readLayerEvidence(layer, wanted, options = {}) {
  const maxDpkgBytes = options.maxDpkgBytes ?? 64 * 1024 * 1024;
  const evidence = {
    index: layer.index,
    files: /* @__PURE__ */ new Map(),
    dpkg: /* @__PURE__ */ new Map(),
    whiteouts: [],
    opaque: []
  };
  if (options.listAll === true) evidence.written = [];
  const chunks = decompressedChunks(layer);
  const tar = new TarReader(
    new ByteReader(chunks, () => {
      if (options.signal?.aborted === true) throw new CancelledError("blame cancelled");
      return void 0;
    }),
    layer.digest,
    defaultApplyLimits.maxHeaderBytes
  );
  const fail2 = (message) => {
    throw new UnsafeLayerEntryError(`Layer ${layer.digest}: ${message}`, layer.digest, "");
  };
  try {
    for (; ; ) {
      const header = await tar.next();
      if (header === void 0) break;
      const components = splitEntryName(header.name, defaultApplyLimits, layer.digest, fail2);
      if (components.length === 0) continue;
      const role = entryRole(components, fail2);
      const parent = components.slice(0, -1);
      if (role.role === "whiteout") {
        evidence.whiteouts.push(rootPath([...parent, role.target]));
        continue;
      }
      if (role.role === "opaque") {
        evidence.opaque.push(rootPath(parent));
        continue;
      }
      const path = rootPath(components);
      evidence.written?.push(path);
      const dpkg = header.type === "file" && isDpkgDatabase(path);
      if (!wanted.has(path) && !dpkg) continue;
      const hash = createHash7("sha256");
      const parts = [];
      if (header.type === "file") {
        if (dpkg && header.size > maxDpkgBytes) {
          throw new LimitExceededError(
            `Layer ${layer.digest}: ${path} has ${header.size} bytes, over the limit \`maxDpkgBytes\` (${maxDpkgBytes})`,
            "maxDpkgBytes"
          );
        }
        await tar.data((piece) => {
          hash.update(piece);
          if (dpkg) parts.push(Buffer.from(piece));
        });
      }
      if (dpkg) evidence.dpkg.set(path, Buffer.concat(parts));
      if (wanted.has(path)) {
        evidence.files.set(path, {
          type: header.type,
          mode: header.mode,
          uid: header.uid,
          gid: header.gid,
          size: header.size,
          digest: header.type === "file" ? hash.digest("hex") : `link:${header.linkname.toString("latin1")}`
        });
      }
    }
  } finally {
    await chunks.return(void 0);
  }
  return evidence;
}
function rootPath(components) {
  return `/${components.map((c) => c.toString("latin1")).join("/")}`;
}
function isAtOrBelow(path, prefix) {
  return prefix === "/" || path === prefix || path.startsWith(`${prefix}/`);
}

// packages/core/src/blame/bookkeeping.ts
async function collectBookkeeping(options) {
  const wanted = new Set(options.paths);
  const files = /* @__PURE__ */ new Map();
  const packages = /* @__PURE__ */ new Map();
  const current = /* @__PURE__ */ new Map();
  const dpkgFiles = /* @__PURE__ */ new Map();
  let installed = /* @__PURE__ */ new Map();
  for (const layer of options.layers) {
    const changes = options.changes?.find((c) => c.index === layer.index);
    if (changes !== void 0 && !touches(changes, wanted)) continue;
    const evidence = await readLayerEvidence(layer, wanted, { signal: options.signal });
    applyRemovals(
      evidence,
      current,
      dpkgFiles,
      wanted,
      (path, value) => record(files, path, layer.index, value)
    );
    for (const [path, version] of evidence.files) {
      current.set(path, version);
      record(files, path, layer.index, version);
    }
    for (const [path, data] of evidence.dpkg) {
      dpkgFiles.set(path, parseDpkgStatus(data.toString("utf8")));
    }
    const next = union(dpkgFiles);
    for (const [name, version] of next) {
      if (installed.get(name) !== version) record(packages, name, layer.index, version);
    }
    for (const name of installed.keys()) {
      if (!next.has(name)) record(packages, name, layer.index, void 0);
    }
    installed = next;
  }
  return { layerCount: options.layers.length, files, packages };
}
function touches(changes, wanted) {
  for (const path of changes.written) if (wanted.has(path) || isDpkgDatabase(path)) return true;
  for (const removed of changes.removed) {
    if (isAtOrBelow("/var/lib/dpkg/status", removed) || isAtOrBelow(dpkgStatusDir, removed))
      return true;
    for (const path of wanted) if (isAtOrBelow(path, removed)) return true;
  }
  return false;
}
function applyRemovals(evidence, current, dpkgFiles, wanted, removed) {
  const gone = (path) => evidence.whiteouts.some((w) => isAtOrBelow(path, w)) || evidence.opaque.some((o) => path !== o && isAtOrBelow(path, o));
  for (const path of wanted) {
    if (current.has(path) && gone(path)) {
      current.delete(path);
      removed(path, void 0);
    }
  }
  for (const path of [...dpkgFiles.keys()]) if (gone(path)) dpkgFiles.delete(path);
}
function union(dpkgFiles) {
  const all = /* @__PURE__ */ new Map();
  for (const path of [...dpkgFiles.keys()].sort()) {
    for (const [name, version] of dpkgFiles.get(path) ?? []) all.set(name, version);
  }
  return all;
}
function record(into, key, layer, value) {
  const list = into.get(key) ?? [];
  list.push({ layer, value });
  into.set(key, list);
}
function introducingLayer(changes, key) {
  const last = changes[changes.length - 1];
  if (last?.value === void 0) return void 0;
  const want = key(last.value);
  let at = changes.length - 1;
  while (at > 0) {
    const previous = changes[at - 1];
    if (previous.value === void 0 || key(previous.value) !== want) break;
    at -= 1;
  }
  return changes[at].layer;
}

// packages/core/src/blame/attribute.ts
function ruleKey(rule) {
  return `${rule.id}#${rule.index}`;
}
function ruleItems(rule, oval, variables) {
  const all = [];
  for (const check2 of rule.checks) {
    if (check2.name === void 0) continue;
    const report2 = oval.get((check2.href ?? "#oval0").replace(/^#/, ""));
    all.push(...report2?.definitions.get(check2.name)?.items ?? []);
  }
  const failing = all.filter((item) => item.failing === true);
  const seen = /* @__PURE__ */ new Map();
  for (const item of failing.length > 0 ? failing : all) {
    const sources = item.itemType === "variable_item" ? variables?.get(item.id) : void 0;
    for (const found of sources ?? [item]) seen.set(found.id, found);
  }
  return [...seen.values()];
}
function evidencePaths(rules, oval, variables) {
  const paths = /* @__PURE__ */ new Set();
  for (const rule of rules)
    for (const item of ruleItems(rule, oval, variables))
      if (item.filepath !== void 0) paths.add(item.filepath);
  return paths;
}
function propertyFor(rule) {
  if (/^file_permissions_|_perms?_|^dir_perms/.test(rule.shortId)) return "mode";
  if (/^file_owner_|^dir_owner/.test(rule.shortId)) return "uid";
  if (/^file_groupowner_|^dir_groupowner/.test(rule.shortId)) return "gid";
  return "content";
}
var propertyKey = {
  mode: (v) => v.mode.toString(8),
  uid: (v) => String(v.uid),
  gid: (v) => String(v.gid),
  content: (v) => `${v.type}:${v.digest}`
};
function describeFile(path, property, version) {
  if (version === void 0) return path;
  switch (property) {
    case "mode":
      return `${path} has mode ${version.mode.toString(8).padStart(4, "0")}`;
    case "uid":
      return `${path} is owned by uid ${version.uid}`;
    case "gid":
      return `${path} has group gid ${version.gid}`;
    default:
      return path;
  }
}
function blameItem(item, rule, bookkeeping) {
  if (item.itemType === "rpminfo_item") {
    return {
      text: `${item.name ?? "?"} ${item.evr ?? ""}`.trim() + " is installed",
      note: "rpm databases are not attributed to layers"
    };
  }
  if (item.itemType === "dpkginfo_item" && item.name !== void 0) {
    return blameDpkgPackage(item.name, item.evr?.replace(/^0:/, ""), bookkeeping);
  }
  if (item.filepath !== void 0) {
    const property = propertyFor(rule);
    const changes = bookkeeping?.files.get(item.filepath);
    const last = changes?.[changes.length - 1]?.value;
    const text3 = describeFile(item.filepath, property, last);
    const layer = changes && introducingLayer(changes, propertyKey[property]);
    return layer === void 0 ? { text: text3 } : { text: text3, layer };
  }
  return { text: item.name ?? item.path ?? item.itemType };
}
function blameDpkgPackage(name, version, bookkeeping) {
  const text3 = `${name}${version === void 0 ? "" : ` ${version}`} is installed`;
  const changes = bookkeeping?.packages.get(name);
  const layer = changes && introducingLayer(changes, (v) => v);
  return layer === void 0 ? { text: text3 } : { text: text3, layer };
}
function locator(input) {
  const match = input.dockerfile !== void 0 && input.history !== void 0 ? matchHistory(input.history, input.dockerfile.parsed) : void 0;
  const stages = input.dockerfile?.parsed.stages ?? [];
  const from = stages[stages.length - 1]?.from;
  const fromLocation = input.dockerfile === void 0 ? input.fallback : { uri: input.dockerfile.uri, startLine: from?.startLine ?? 1, endLine: from?.endLine ?? 1 };
  const withoutDockerfile = input.dockerfile === void 0 ? "; no Dockerfile was given" : "";
  return { input, match, fromLocation, withoutDockerfile };
}
function blamePackages(packages, input) {
  const at = locator(input);
  const out = /* @__PURE__ */ new Map();
  for (const pkg of packages) {
    const blamed = pkg.kind === "rpm" ? {
      text: `${pkg.name}${pkg.version === void 0 ? "" : ` ${pkg.version}`} is installed`,
      note: "rpm databases are not attributed to layers"
    } : blameDpkgPackage(pkg.name, pkg.version, input.bookkeeping);
    out.set(pkg.name, locate([blamed], at));
  }
  return out;
}
function blameRules(rules, input) {
  const at = locator(input);
  const out = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    const items = ruleItems(rule, input.oval, input.variables).filter(
      (i) => i.status !== "does not exist"
    );
    out.set(
      ruleKey(rule),
      locate(
        items.map((item) => blameItem(item, rule, input.bookkeeping)),
        at
      )
    );
  }
  return out;
}
function locate(blamed, at) {
  const { input, match, fromLocation, withoutDockerfile } = at;
  const layers = blamed.flatMap((b) => b.layer === void 0 ? [] : [b.layer]);
  const evidence = summarise(blamed);
  if (layers.length === 0) {
    const why = blamed.length === 0 ? "no evidence in the image to attribute" : input.bookkeeping === void 0 ? "no layer bookkeeping (the image was not read)" : blamed.find((b) => b.note !== void 0)?.note ?? "no layer of the image introduced the evidence";
    return {
      kind: "unattributed",
      evidence,
      cause: `not attributable to a Dockerfile instruction: ${why}${withoutDockerfile}`,
      location: fromLocation
    };
  }
  const layer = Math.max(...layers);
  const step = input.history?.find((s) => s.layerIndex === layer);
  const instruction = step === void 0 ? void 0 : match?.instructions.get(step.historyIndex);
  const shown2 = summarise(blamed.filter((b) => b.layer === layer));
  const base = { layerIndex: layer };
  if (step !== void 0) base.createdBy = step.createdBy;
  if (instruction !== void 0 && input.dockerfile !== void 0) {
    return {
      ...base,
      kind: "instruction",
      evidence: shown2,
      cause: `${verb(blamed, layer)} by the ${instruction.keyword} on ${lines(instruction)}`,
      location: {
        uri: input.dockerfile.uri,
        startLine: instruction.startLine,
        endLine: instruction.endLine
      },
      instruction: {
        keyword: instruction.keyword,
        startLine: instruction.startLine,
        endLine: instruction.endLine
      }
    };
  } else if (step !== void 0 && match?.base.has(step.historyIndex) === true) {
    return {
      ...base,
      kind: "base",
      evidence: shown2,
      cause: "inherited from the base image",
      location: fromLocation
    };
  } else {
    const history = step === void 0 ? "" : ` (\`${clip(step.createdBy)}\` in the image history)`;
    const reason = input.dockerfile === void 0 ? "no Dockerfile was given" : step === void 0 ? "the image history does not map to its layers" : "no instruction of the Dockerfile matches it";
    return {
      ...base,
      kind: "layer",
      evidence: shown2,
      cause: `${verb(blamed, layer)} by layer ${layer + 1}${history}; ${reason}`,
      location: fromLocation
    };
  }
}
function verb(blamed, layer) {
  return blamed.some((b) => b.layer === layer && b.text.endsWith(" is installed")) ? "added" : "changed";
}
function lines(instruction) {
  return instruction.endLine > instruction.startLine ? `lines ${instruction.startLine}\u2013${instruction.endLine}` : `line ${instruction.startLine}`;
}
function summarise(blamed) {
  const texts = [...new Set(blamed.map((b) => b.text))];
  if (texts.length <= 3) return texts.join("; ");
  return `${texts.slice(0, 3).join("; ")} and ${texts.length - 3} more`;
}
function clip(text3) {
  const flat = text3.replace(/\s+/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}\u2026` : flat;
}

// packages/core/src/report/escape.ts
function escapeMarkdown(text3) {
  return stripControls(text3).replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/:\/\//g, ":&#47;&#47;");
}
function escapeMarkdownCode(text3) {
  const clean = stripControls(text3).replace(/`/g, "'");
  return `\`${clean}\``;
}
function stripControls(text3) {
  return text3.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}
function truncate(text3, max) {
  if (text3.length <= max) return text3;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text3.charAt(cut - 1))) cut -= 1;
  return `${text3.slice(0, cut)}\u2026`;
}
function fencedBlock(code, language = "") {
  const clean = code.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
  const longest = Math.max(2, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${clean.replace(/\n$/, "")}
${fence}`;
}

// packages/core/src/report/sarif.ts
var maxSarifResults = 25e3;
var defaultMaxGzipBytes = 95e5;
function serializeSarif(log) {
  return `${JSON.stringify(log, null, 2)}
`;
}
function sarifTrim(log) {
  const truncated = log.runs[0]?.properties?.["truncated"];
  return truncated;
}
var securitySeverity = {
  high: "8.0",
  unknown: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "1.0"
};
var reported = /* @__PURE__ */ new Set(["fail", "error", "unknown"]);
var order = { high: 0, unknown: 0, medium: 1, low: 2, info: 3 };
var resultRank = { fail: 0, error: 1, unknown: 2 };
function toSarif(results, options) {
  const max = Math.min(options.maxResults ?? maxSarifResults, maxSarifResults);
  const budget = options.maxGzipBytes ?? defaultMaxGzipBytes;
  const findings = results.rules.filter((r) => reported.has(r.result)).sort(
    (a, b) => order[a.severity] - order[b.severity] || (resultRank[a.result] ?? 0) - (resultRank[b.result] ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index)
  );
  const byCount = Math.min(findings.length, max);
  const gzipped = (count) => gzipSync(serializeSarif(buildLog(results, findings, count, void 0, options))).length;
  let kept = byCount;
  const full = gzipped(kept);
  if (full > budget) {
    let high = kept - 1;
    let low = Math.floor(kept * budget / full);
    while (low > 0 && gzipped(low) > budget) {
      high = low - 1;
      low = Math.floor(low * 0.9);
    }
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (gzipped(mid) <= budget) low = mid;
      else high = mid - 1;
    }
    kept = low;
  }
  const trim = kept < findings.length ? {
    total: findings.length,
    kept,
    reason: kept < byCount ? `the log must stay under ${budget} bytes gzipped (GitHub accepts 10 MB)` : `at most ${max} results per run (GitHub accepts 25,000)`
  } : void 0;
  return buildLog(results, findings, kept, trim, options);
}
function buildLog(results, findings, count, trim, options) {
  const kept = findings.slice(0, count);
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  for (const rule of kept) {
    if (ruleIndex.has(rule.id)) continue;
    ruleIndex.set(rule.id, rules.length);
    rules.push(toDescriptor(rule, options));
  }
  const imageName = imageRepository(results);
  const profile = shortProfileId(results.scanner.profile.id);
  const run3 = {
    tool: {
      driver: {
        name: "scapgate",
        version: options.toolVersion,
        rules
      },
      extensions: [
        {
          name: "OpenSCAP",
          version: results.scanner.version,
          informationUri: "https://www.open-scap.org/",
          properties: {
            benchmarkId: results.scanner.content.benchmarkId,
            benchmarkVersion: results.scanner.content.benchmarkVersion,
            profileId: results.scanner.profile.id
          }
        }
      ]
    },
    automationDetails: { id: `scapgate/${slug(imageName)}/${slug(profile)}/` },
    results: kept.map(
      (rule) => toResult(rule, ruleIndex.get(rule.id), results, imageName, options)
    ),
    properties: {
      image: stripControls(results.image.reference),
      imageConfigDigest: results.image.configDigest,
      profile: results.scanner.profile.id,
      score: results.score.value,
      ...trim === void 0 ? {} : { truncated: trim }
    }
  };
  return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run3] };
}
function toDescriptor(rule, options) {
  const title = stripControls(rule.title);
  const description = rule.description || title;
  return {
    id: rule.id,
    name: truncate(rule.shortId, 255),
    shortDescription: { text: truncate(title, 1024) },
    fullDescription: { text: truncate(description, 1024) },
    help: { text: helpText(rule, options), markdown: helpMarkdown(rule, options) },
    properties: {
      "security-severity": securitySeverity[rule.severity],
      precision: "very-high",
      tags: [
        "security",
        "compliance",
        "openscap",
        ...new Set(rule.references.flatMap((r) => r.framework ?? []))
      ].slice(0, 10)
    }
  };
}
function helpText(rule, options) {
  const parts = [rule.description];
  if (rule.rationale) parts.push(`Rationale: ${rule.rationale}`);
  const references = groupReferences(rule);
  if (references.length > 0)
    parts.push(`References: ${references.map(([f, ids2]) => `${f} ${ids2.join(", ")}`).join("; ")}`);
  const run3 = options.fixes?.run.get(rule.id);
  if (run3 !== void 0) parts.push(`Fix in the Dockerfile:
${run3}`);
  else
    parts.push(
      rule.fixes.length > 0 ? `Fix available: ${rule.fixes.map(fixName).join(", ")} (see fixes/ in the scan output).` : "No automated fix in the content."
    );
  return parts.filter((p) => p !== "").join("\n\n");
}
function helpMarkdown(rule, options) {
  const lines2 = [`**${escapeMarkdown(rule.title)}** ${escapeMarkdownCode(rule.shortId)}`, ""];
  if (rule.description) lines2.push(escapeMarkdown(rule.description), "");
  if (rule.rationale) lines2.push(`**Rationale:** ${escapeMarkdown(rule.rationale)}`, "");
  const references = groupReferences(rule);
  if (references.length > 0) {
    lines2.push("**References:**", "");
    for (const [framework, ids2] of references)
      lines2.push(`- ${escapeMarkdown(framework)}: ${escapeMarkdown(ids2.join(", "))}`);
    lines2.push("");
  }
  const run3 = options.fixes?.run.get(rule.id);
  if (run3 !== void 0) {
    lines2.push("**Fix:** add this to the Dockerfile after the line the finding points at:", "");
    lines2.push(fencedBlock(run3, "dockerfile"), "");
  }
  lines2.push(
    rule.fixes.length > 0 ? `**Fix available:** ${rule.fixes.map(fixName).join(", ")} (\`fixes/remediation.sh\`, \`fixes/playbook.yml\` in the scan output)` : "No automated fix in the content."
  );
  return lines2.join("\n");
}
function toResult(rule, ruleIndex, results, imageName, options) {
  const title = stripControls(rule.title);
  const image = stripControls(imageName);
  const found = rule.result === "fail" ? `failed in image ${image}` : `could not be checked in image ${image} (result: ${rule.result}); unverified is not compliant`;
  const notes = rule.messages.map((m) => stripControls(m).trim()).filter((m) => m !== "");
  const blame = options.blame?.get(ruleKey(rule));
  const what = `${title} (${rule.shortId}, ${rule.severity}) ${found}`;
  const head = blame === void 0 ? `${what}.` : blame.evidence !== "" ? `${stripControls(blame.evidence)} (${stripControls(blame.cause)}). ${what}.` : `${what} (${stripControls(blame.cause)}).`;
  const text3 = `${head}${notes.length > 0 ? ` oscap: ${notes.join(" / ")}` : ""}`;
  const location = blame?.location ?? options.location;
  const endLine = blame?.location.endLine;
  return {
    ruleId: rule.id,
    ruleIndex,
    kind: rule.result === "fail" ? "fail" : "review",
    level: rule.result !== "fail" ? "warning" : rule.severity === "high" || rule.severity === "unknown" ? "error" : rule.severity === "medium" ? "warning" : "note",
    // GitLab keeps 2,048 characters of message.text.
    message: { text: truncate(text3, 2048) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: location.uri },
          region: {
            startLine: location.startLine,
            ...endLine !== void 0 && endLine > location.startLine ? { endLine } : {}
          }
        }
      }
    ],
    partialFingerprints: {
      "scapgate/v1": fingerprint(rule, results.scanner.profile.id, imageName)
    },
    properties: {
      result: rule.result,
      severity: rule.severity,
      ...blame === void 0 ? {} : {
        attribution: blame.kind,
        ...blame.layerIndex === void 0 ? {} : { layer: blame.layerIndex }
      }
    }
  };
}
function fingerprint(rule, profileId, imageName) {
  return createHash8("sha256").update([rule.id, String(rule.index), profileId, imageName].join("\0")).digest("hex");
}
function imageRepository(results) {
  const name = results.image.names[0] ?? results.image.reference;
  const withoutDigest = name.split("@")[0] ?? name;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  return colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
}
function shortProfileId(id) {
  return /^xccdf_[^_]+_profile_(.+)$/.exec(id)?.[1] ?? (id || "default");
}
function slug(text3) {
  return text3.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 100) || "unnamed";
}
var identifierSystems = { "https://nvd.nist.gov/cce/index.cfm": "CCE" };
function groupReferences(rule) {
  const groups = /* @__PURE__ */ new Map();
  const add = (key, value) => {
    groups.set(key, [...groups.get(key) ?? [], stripControls(value)]);
  };
  for (const identifier of rule.identifiers)
    add(
      identifierSystems[identifier.system] ?? (identifier.system || "identifier"),
      identifier.value
    );
  for (const reference of rule.references)
    add(reference.framework ?? (reference.href || "other"), reference.text);
  return [...groups];
}
function fixName(system) {
  return system.replace(/^urn:xccdf:fix:script:/, "").replace(/^urn:redhat:osbuild:/, "");
}

// packages/core/src/gate/gate-details-md.ts
var maxRows = 25;
var changeLabels = {
  "new-failure": "new failures",
  regression: "regressions",
  "still-failing": "still failing",
  fixed: "fixed",
  "newly-not-applicable": "newly not applicable",
  "new-rule": "new rules"
};
function cap(items) {
  const more = items.length > maxRows ? ` \u2026 and ${items.length - maxRows} more` : "";
  return { shown: items.slice(0, maxRows), more };
}
function waiverTable(title, waivers) {
  if (waivers.length === 0) return [];
  const { shown: shown2, more } = cap(waivers);
  const lines2 = [
    `**${title}** (${waivers.length})`,
    "",
    "| Rule | Expires | Approver | Reason |",
    "| --- | --- | --- | --- |"
  ];
  for (const w of shown2) {
    lines2.push(
      `| ${escapeMarkdownCode(w.rule).replace(/\|/g, "\\|")} | ${w.expires} | ${escapeMarkdown(w.approver)} | ${escapeMarkdown(w.reason.slice(0, 300))} |`
    );
  }
  if (more !== "") lines2.push("", `_${more.trim()}_`);
  lines2.push("");
  return lines2;
}
function renderGateDetails(verdict) {
  const lines2 = [];
  const { waivers, baseline } = verdict;
  lines2.push(...waiverTable("Waived failures (not gating)", waivers.applied));
  lines2.push(...waiverTable("Expired waivers (failing the gate)", waivers.expired));
  lines2.push(...waiverTable("Stale waivers (match no failing rule)", waivers.stale));
  if (baseline !== void 0) {
    const counts = Object.keys(changeLabels).map((kind) => `${baseline.changes[kind].length} ${changeLabels[kind]}`).join(", ");
    lines2.push(
      `**Against the baseline** ${escapeMarkdownCode(baseline.source)} (${verdict.mode}): ${counts}`,
      ""
    );
    for (const kind of Object.keys(changeLabels)) {
      const ids2 = baseline.changes[kind];
      if (ids2.length === 0 || kind === "still-failing") continue;
      const { shown: shown2, more } = cap(ids2);
      lines2.push(
        `- ${changeLabels[kind]}: ${shown2.map((id) => escapeMarkdownCode(shortRuleId2(id))).join(", ")}${more}`
      );
    }
    lines2.push("");
  }
  return lines2;
}

// packages/core/src/report/summary-md.ts
var defaultSummaryMaxChars = 6e4;
var severityOrder = ["high", "unknown", "medium", "low", "info"];
var listed = /* @__PURE__ */ new Set(["fail", "error", "unknown"]);
function renderSummary(results, verdict, options = {}) {
  const maxChars = options.maxChars ?? defaultSummaryMaxChars;
  const image = escapeMarkdown(results.image.names[0] ?? results.image.reference);
  const head = [
    summaryHeading(verdict.status),
    "",
    `${image} \xB7 profile ${escapeMarkdown(results.scanner.profile.title)} \xB7 fail-on ${verdict.failOn} \xB7 score ${results.score.value.toFixed(2)}/${results.score.maximum.toFixed(0)}`,
    ""
  ];
  for (const reason of verdict.reasons) head.push(`- ${reasonLine(reason)}`);
  if (verdict.reasons.length > 0) head.push("");
  if (options.sarifTrim !== void 0) {
    const { total, kept: kept2, reason } = options.sarifTrim;
    head.push(
      `> SARIF holds ${kept2} of ${total} findings (the most severe first): ${escapeMarkdown(reason)}. Every finding is in results.json and junit.xml.`,
      ""
    );
  }
  head.push(...renderGateDetails(verdict));
  head.push("| Result | Rules |", "| --- | ---: |");
  for (const value of ruleResultValues) {
    if (value !== "notselected" && results.counts[value] > 0)
      head.push(`| ${value} | ${results.counts[value]} |`);
  }
  head.push("");
  const rows = results.rules.filter((r) => listed.has(r.result)).sort(
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || compare(a.id, b.id) || a.index - b.index
  );
  const body = [];
  const blame = options.blame;
  if (rows.length > 0)
    body.push(
      "### Failing and unverified rules",
      "",
      blame === void 0 ? "| Severity | Result | Rule | Title |" : "| Severity | Result | Rule | Title | Location |",
      blame === void 0 ? "| --- | --- | --- | --- |" : "| --- | --- | --- | --- | --- |"
    );
  for (const rule of rows) body.push(row(rule, blame?.get(ruleKey(rule)), blame !== void 0));
  const fixable = rows.filter((r) => r.result === "fail" && options.runFixes?.has(r.id) === true);
  if (fixable.length > 0) body.push("", "### How to fix", "");
  for (const rule of fixable) {
    const where = blame?.get(ruleKey(rule));
    const after = where?.kind === "instruction" ? ` after line ${where.location.endLine ?? where.location.startLine} of ${escapeMarkdown(where.location.uri)}` : "";
    body.push(
      `<details><summary>${escapeMarkdownCode(rule.shortId).replace(/\|/g, "\\|")}: add to the Dockerfile${after}</summary>`,
      "",
      fencedBlock(options.runFixes?.get(rule.id) ?? "", "dockerfile"),
      "",
      "</details>"
    );
  }
  if (rows.some((r) => r.result === "fail") && options.runFixes !== void 0)
    body.push(
      "",
      "Full remediation from the SCAP content: `fixes/remediation.sh` (bash) and `fixes/playbook.yml` (Ansible)."
    );
  const hint = options.fullReportHint ? ` (${escapeMarkdown(options.fullReportHint)})` : "";
  const note = (dropped) => dropped > 0 ? `
_${dropped} more ${dropped === 1 ? "rule is" : "rules are"} not shown: see the full report${hint}._
` : `
_Some fixes are not shown: see the full report${hint} and fixes/._
`;
  const full = [...head, ...body, ""].join("\n");
  if (full.length <= maxChars) return full;
  const reserve = note(rows.length).length;
  let text3 = head.join("\n");
  let kept = 0;
  const headerRows = rows.length > 0 ? 4 : 0;
  for (const [i, line] of body.entries()) {
    if (text3.length + line.length + 1 + reserve > maxChars) break;
    text3 += `
${line}`;
    if (i >= headerRows && i < headerRows + rows.length) kept += 1;
  }
  const open10 = text3.lastIndexOf("\n<details>");
  if (open10 > text3.lastIndexOf("</details>")) text3 = text3.slice(0, open10);
  return truncate(`${text3}
${note(rows.length - kept)}`, maxChars);
}
function row(rule, blame, withLocation) {
  const base = `| ${rule.severity} | ${rule.result} | ${escapeMarkdownCode(rule.shortId).replace(/\|/g, "\\|")} | ${escapeMarkdown(truncate(rule.title, 300))} |`;
  if (!withLocation) return base;
  if (blame === void 0) return `${base} |`;
  const found = blame.evidence === "" ? "" : `${escapeMarkdown(truncate(blame.evidence, 200))}: `;
  return `${base} ${escapeMarkdownCode(`${blame.location.uri}:${blame.location.startLine}`)} ${found}${escapeMarkdown(truncate(blame.cause, 200))} |`;
}
function reasonLine(reason) {
  return escapeMarkdown(reason.message);
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function summaryHeading(status) {
  return `## ${status === "pass" ? "\u2705 Compliance gate passed" : "\u274C Compliance gate failed"}`;
}

// packages/core/src/pipeline/scan-image.ts
import { copyFile, mkdir as mkdir9, writeFile as writeFile7 } from "node:fs/promises";
import { join as join22 } from "node:path";

// packages/core/src/pipeline/render-outputs.ts
import { writeFile as writeFile3 } from "node:fs/promises";
import { join as join13 } from "node:path";

// packages/core/src/pipeline/sarif-location.ts
import { readFile as readFile5, stat as stat6 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, relative as relative2 } from "node:path";
async function sarifLocation(options, imagePath) {
  const toUri = (path) => {
    const rel = isAbsolute2(path) ? relative2(options.cwd, path) : path;
    return rel.split("\\").join("/");
  };
  if (options.dockerfile !== void 0) {
    try {
      const text3 = await readFile5(options.dockerfile, "utf8");
      return { uri: toUri(options.dockerfile), startLine: finalFromLine(text3) };
    } catch {
    }
  }
  const isFile = await stat6(imagePath).then(
    () => true,
    () => false
  );
  if (isFile) return { uri: toUri(imagePath), startLine: 1 };
  return {
    uri: `image/${imagePath.replace(/[^A-Za-z0-9._/-]/g, "_").replace(/^\/+/, "")}`,
    startLine: 1
  };
}
function finalFromLine(text3) {
  const lines2 = text3.split(/\r?\n/);
  let line = 1;
  let continued = false;
  lines2.forEach((raw, index) => {
    const wasContinued = continued;
    continued = /\\\s*$/.test(raw);
    if (!wasContinued && /^\s*FROM\s/i.test(raw)) line = index + 1;
  });
  return line;
}

// packages/core/src/blame/blame-image.ts
import { readFile as readFile6 } from "node:fs/promises";
import { isAbsolute as isAbsolute3, relative as relative3 } from "node:path";

// packages/core/src/blame/oval-variables.ts
var ovalDef = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
async function readVariableSources(arfPath) {
  return variableSources(parseXml2(await readXmlFile(arfPath), arfPath));
}
function variableSources(root) {
  const variables = /* @__PURE__ */ new Map();
  for (const variable of descendants(root, ovalDef, "local_variable")) {
    const id = variable.attrs.get("id");
    if (id === void 0) continue;
    variables.set(id, {
      objects: descendants(variable, ovalDef, "object_component").flatMap(
        (c) => c.attrs.get("object_ref") ?? []
      ),
      vars: descendants(variable, ovalDef, "variable_component").flatMap(
        (c) => c.attrs.get("var_ref") ?? []
      )
    });
  }
  const out = /* @__PURE__ */ new Map();
  for (const report2 of descendants(root, ns.ovalRes, "oval_results")) {
    for (const system of descendants(report2, ns.ovalSc, "oval_system_characteristics")) {
      const objects = /* @__PURE__ */ new Map();
      const collected = child(system, ns.ovalSc, "collected_objects");
      for (const object of collected ? children(collected, ns.ovalSc, "object") : []) {
        const id = object.attrs.get("id");
        if (id === void 0) continue;
        const refs = children(object, ns.ovalSc, "reference").flatMap(
          (r) => r.attrs.get("item_ref") ?? []
        );
        objects.set(id, [...objects.get(id) ?? [], ...refs]);
      }
      const items = /* @__PURE__ */ new Map();
      const data = child(system, ns.ovalSc, "system_data");
      for (const item of data ? children(data, void 0) : []) {
        const id = item.attrs.get("id");
        if (id !== void 0) items.set(id, item);
      }
      const resolveVar = (varId, seen) => {
        const variable = variables.get(varId);
        if (variable === void 0 || seen.has(varId)) return [];
        seen.add(varId);
        return [
          ...variable.objects.flatMap((o) => objects.get(o) ?? []),
          ...variable.vars.flatMap((v) => resolveVar(v, seen))
        ];
      };
      for (const [id, item] of items) {
        if (item.name !== "variable_item") continue;
        const varRef = child(item, void 0, "var_ref");
        if (varRef === void 0) continue;
        const sources = resolveVar(text(varRef).trim(), /* @__PURE__ */ new Set()).flatMap((itemId) => {
          const source = items.get(itemId);
          return source === void 0 ? [] : [readOvalItem(itemId, source)];
        }).filter((source) => source.filepath !== void 0);
        if (sources.length > 0) out.set(id, sources);
      }
    }
  }
  return out;
}

// packages/core/src/blame/blame-image.ts
function toRepositoryUri(path, cwd) {
  const rel = isAbsolute3(path) ? relative3(cwd, path) : path;
  return rel.split("\\").join("/");
}
async function loadDockerfile(path, cwd, logger) {
  if (path === void 0) return void 0;
  try {
    const text3 = await readFile6(path, "utf8");
    return { uri: toRepositoryUri(path, cwd), parsed: parseDockerfile(text3) };
  } catch (error) {
    logger.warning(
      `Dockerfile ${path} could not be read (${error.message}); findings point at the fallback location`
    );
    return void 0;
  }
}
async function blameImage(options) {
  const input = {
    oval: options.parsed.oval,
    fallback: options.fallback,
    ...options.dockerfile === void 0 ? {} : { dockerfile: options.dockerfile }
  };
  if (options.arfPath !== void 0) {
    try {
      input.variables = await readVariableSources(options.arfPath);
    } catch (error) {
      options.logger.warning(`blame: could not follow OVAL variables (${error.message})`);
    }
  }
  const { image } = options;
  if (image !== void 0) {
    input.history = describeHistory(image.config.history, image.layers.length);
    try {
      input.bookkeeping = await collectBookkeeping({
        layers: image.layers,
        ...options.applied === void 0 ? {} : { changes: options.applied.layers },
        paths: evidencePaths(options.rules, options.parsed.oval, input.variables),
        ...options.signal === void 0 ? {} : { signal: options.signal }
      });
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      options.logger.warning(
        `blame: could not read the layers again (${error.message}); findings point at the FROM line`
      );
    }
  }
  return blameRules(options.rules, input);
}
async function blameImagePackages(options) {
  const { image } = options;
  const input = {
    oval: /* @__PURE__ */ new Map(),
    fallback: options.fallback,
    history: describeHistory(image.config.history, image.layers.length),
    ...options.dockerfile === void 0 ? {} : { dockerfile: options.dockerfile }
  };
  if (options.packages.some((p) => p.kind === "dpkg")) {
    try {
      input.bookkeeping = await collectBookkeeping({
        layers: image.layers,
        ...options.applied === void 0 ? {} : { changes: options.applied.layers },
        paths: [],
        ...options.signal === void 0 ? {} : { signal: options.signal }
      });
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      options.logger.warning(
        `blame: could not read the layers again (${error.message}); vulnerable packages point at the FROM line`
      );
    }
  }
  return blamePackages(options.packages, input);
}

// packages/core/src/report/write-reports.ts
import { mkdir as mkdir5, writeFile as writeFile2 } from "node:fs/promises";
import { join as join12 } from "node:path";

// packages/core/src/report/code-quality.ts
var codeQualitySeverity = {
  high: "critical",
  unknown: "critical",
  medium: "major",
  low: "minor",
  info: "info"
};
var reported2 = /* @__PURE__ */ new Set(["fail", "error", "unknown"]);
function toCodeQuality(results, options) {
  const image = imageRepository(results);
  return results.rules.filter((rule) => reported2.has(rule.result)).map((rule) => {
    const blame = options.blame?.get(ruleKey(rule));
    const location = blame?.location ?? options.location;
    const found = blame === void 0 ? "" : ` ${blame.evidence === "" ? "" : `${blame.evidence} `}(${blame.cause})`;
    const verb2 = rule.result === "fail" ? "failed" : `could not be checked (${rule.result})`;
    return {
      type: "issue",
      description: truncate(
        stripControls(`${rule.title} ${verb2}:${found}`.replace(/:$/, "")),
        1e3
      ),
      check_name: rule.shortId,
      fingerprint: fingerprint(rule, results.scanner.profile.id, image),
      severity: codeQualitySeverity[rule.severity],
      categories: ["Security", "Compliance"],
      location: {
        path: location.uri,
        lines: {
          begin: location.startLine,
          ...location.endLine !== void 0 && location.endLine > location.startLine ? { end: location.endLine } : {}
        }
      }
    };
  });
}

// packages/core/src/report/junit.ts
var skipped = /* @__PURE__ */ new Set(["notapplicable", "notchecked"]);
var errored = /* @__PURE__ */ new Set(["error", "unknown"]);
function toJunit(results, options = {}) {
  const image = imageRepository(results);
  const profile = shortProfileId(results.scanner.profile.id);
  const suite = `${image} (${profile})`;
  const cases = results.rules.map((rule) => testcase(rule, suite, options));
  const count = (test) => results.rules.filter(test).length;
  const failures = count((r) => r.result === "fail");
  const errors = count((r) => errored.has(r.result));
  const skips = count((r) => skipped.has(r.result));
  const attrs = `name="${xml(suite)}" tests="${results.rules.length}" failures="${failures}" errors="${errors}" skipped="${skips}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs}>`,
    `  <testsuite ${attrs} timestamp="${xml(results.startTime)}">`,
    "    <properties>",
    `      <property name="image" value="${xml(results.image.reference)}"/>`,
    `      <property name="profile" value="${xml(results.scanner.profile.id)}"/>`,
    `      <property name="score" value="${results.score.value}"/>`,
    "    </properties>",
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n");
}
function testcase(rule, suite, options) {
  const name = `${rule.shortId}${rule.index > 0 ? ` #${rule.index + 1}` : ""}: ${rule.title}`;
  const open10 = `    <testcase name="${xml(name)}" classname="${xml(suite)}"`;
  const blame = options.blame?.get(ruleKey(rule));
  const where = blame === void 0 ? "" : `
Location: ${blame.location.uri}:${blame.location.startLine} (${blame.cause})${blame.evidence === "" ? "" : `
Found: ${blame.evidence}`}`;
  const body = `Rule ${rule.id} (severity ${rule.severity}) ended ${rule.result}.${where}${rule.messages.length > 0 ? `
oscap: ${rule.messages.join(" / ")}` : ""}`;
  const message = `${rule.shortId} ${rule.result} (${rule.severity})`;
  if (rule.result === "fail")
    return `${open10}>
      <failure message="${xml(message)}" type="${xml(rule.severity)}">${xml(body)}</failure>
    </testcase>`;
  if (errored.has(rule.result))
    return `${open10}>
      <error message="${xml(message)}" type="${xml(rule.result)}">${xml(body)}</error>
    </testcase>`;
  if (skipped.has(rule.result))
    return `${open10}>
      <skipped message="${xml(rule.result)}"/>
    </testcase>`;
  return `${open10}/>`;
}
function xml(text3) {
  return text3.replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

// packages/core/src/report/remediation.ts
import { mkdir as mkdir4, readFile as readFile7, writeFile } from "node:fs/promises";
import { join as join11 } from "node:path";
var missing = /FIX FOR THIS RULE '[^']*' IS MISSING!/;
function splitBashFixes(script) {
  const fixes = /* @__PURE__ */ new Map();
  const pattern = /^# BEGIN fix \(\d+ \/ \d+\) for '([^']+)'\n#+\n([\s\S]*?)^# END fix for '\1'$/gm;
  for (const match of script.matchAll(pattern)) {
    const id = match[1];
    const body = match[2].split("\n").filter((line) => !/^\(>&2 echo "Remediating rule \d+\/\d+: /.test(line)).join("\n").trim();
    if (body === "" || missing.test(body)) continue;
    fixes.set(id, body);
  }
  return fixes;
}
function runSnippet(shortId, bash) {
  let delimiter = "SCAPGATE_FIX";
  while (bash.split("\n").includes(delimiter)) delimiter += "_";
  return `# ${shortId} (fix from the SCAP content; heredocs need BuildKit or Buildah >= 1.33)
RUN <<'${delimiter}'
set -e
${bash}
${delimiter}
`;
}
function embeddedTailoringId(arfText) {
  return /<(?:[\w-]+:)?component-ref\s[^>]*id="(scap_org\.open-scap_cref_[^"]*_tailoring)"/.exec(
    arfText
  )?.[1];
}
async function generateFixes(arfPath, outDir, options) {
  const scanner = options.scanner ?? await preflightScanner();
  const fixesDir = join11(outDir, "fixes");
  await mkdir4(join11(fixesDir, "run"), { recursive: true });
  const bashScript = await generateFix(arfPath, outDir, "bash", scanner, options);
  const playbook = await generateFix(arfPath, outDir, "ansible", scanner, options);
  await writeFile(join11(fixesDir, "remediation.sh"), bashScript, { mode: 420 });
  await writeFile(join11(fixesDir, "playbook.yml"), playbook);
  const bash = splitBashFixes(bashScript);
  const run3 = /* @__PURE__ */ new Map();
  const files = ["fixes/remediation.sh", "fixes/playbook.yml"];
  for (const [id, body] of bash) {
    const shortId = /_rule_(.+)$/.exec(id)?.[1] ?? id;
    const snippet = runSnippet(shortId, body);
    run3.set(id, snippet);
    const name = `${shortId.replace(/[^A-Za-z0-9._-]/g, "_")}.Dockerfile`;
    await writeFile(join11(fixesDir, "run", name), snippet);
    files.push(`fixes/run/${name}`);
  }
  return { bash, run: run3, files };
}
async function generateFix(arfPath, outDir, fixType, scanner, options) {
  return runArfTool(
    {
      scanner,
      arfPath,
      args: [
        "xccdf",
        "generate",
        "fix",
        "--fix-type",
        fixType,
        "--result-id",
        options.testResultId,
        ...options.tailoringId === void 0 ? [] : ["--tailoring-id", options.tailoringId]
      ],
      workParent: outDir,
      ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs },
      ...options.signal === void 0 ? {} : { signal: options.signal }
    },
    (produced) => readFile7(produced, "utf8")
  );
}

// packages/core/src/report/write-reports.ts
async function writeFixes(options) {
  if (!options.results.rules.some((r) => r.result === "fail")) return void 0;
  try {
    await mkdir5(options.outDir, { recursive: true });
    const tailoringId = embeddedTailoringId(await readXmlFile(options.arfPath));
    return await generateFixes(options.arfPath, options.outDir, {
      testResultId: options.results.testResultId,
      ...tailoringId === void 0 ? {} : { tailoringId },
      ...options.scanner === void 0 ? {} : { scanner: options.scanner },
      ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs },
      ...options.signal === void 0 ? {} : { signal: options.signal }
    });
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    options.logger.warning(`remediation: ${error.message}; fixes/ is not written`);
    return void 0;
  }
}
async function writeReports(options) {
  const { outDir, results, blame, logger } = options;
  await mkdir5(outDir, { recursive: true });
  const fixes = options.skipFixes === true ? void 0 : await (options.fixes ?? writeFixes(options));
  const sarif = toSarif(results, {
    location: options.fallback,
    toolVersion: options.toolVersion,
    blame,
    ...fixes === void 0 ? {} : { fixes }
  });
  const trim = sarifTrim(sarif);
  if (trim !== void 0)
    logger.warning(`SARIF holds ${trim.kept} of ${trim.total} findings: ${trim.reason}`);
  const summaryMarkdown = renderSummary(results, options.verdict, {
    fullReportHint: options.fullReportHint ?? "report.html and results.json",
    blame,
    ...fixes === void 0 ? {} : { runFixes: fixes.run },
    ...trim === void 0 ? {} : { sarifTrim: trim }
  });
  await writeFile2(join12(outDir, "results.sarif"), serializeSarif(sarif));
  await writeFile2(join12(outDir, "junit.xml"), toJunit(results, { blame }));
  await writeFile2(
    join12(outDir, "codequality.json"),
    `${JSON.stringify(toCodeQuality(results, { location: options.fallback, blame }), null, 2)}
`
  );
  await writeFile2(join12(outDir, "summary.md"), summaryMarkdown);
  return fixes === void 0 ? { summaryMarkdown } : { summaryMarkdown, fixes };
}

// packages/core/src/pipeline/render-outputs.ts
async function renderOutputs(options, prepared, baseline, scan) {
  const { outDir } = options;
  const html = generateHtmlReport(scan.arfPath, join13(outDir, "report.html"), {
    scanner: scan.scanner,
    signal: options.signal,
    timeoutMs: options.timeoutMs
  });
  const htmlSettled = html.then(
    () => void 0,
    () => void 0
  );
  const parsed = await parseArf(scan.arfPath).catch(async (error) => {
    await htmlSettled;
    throw error;
  });
  const { image, os } = prepared;
  const results = buildScanResults(parsed, {
    image: {
      reference: image.reference.raw,
      configDigest: image.configDigest,
      ...image.manifestDigest === void 0 ? {} : { manifestDigest: image.manifestDigest },
      names: image.names,
      platform: formatPlatform(image.platform),
      os: { id: os?.id ?? "", versionId: os?.versionId ?? "", prettyName: os?.prettyName ?? "" }
    },
    scanner: {
      content: { path: baseline.contentPath, sha256: baseline.content.sha256 },
      durationSeconds: scan.durationSeconds
    }
  });
  const fixes = writeFixes({
    outDir,
    results,
    arfPath: scan.arfPath,
    logger: options.logger,
    scanner: scan.scanner,
    timeoutMs: options.timeoutMs,
    signal: options.signal
  });
  const settled = Promise.allSettled([html, fixes]).then(() => void 0);
  return {
    results,
    contentRuleIds: [...parsed.benchmark.rules.keys()],
    settled,
    write: async (verdict) => {
      const [outputs, report2] = await Promise.allSettled([writeOutputs(verdict), html]);
      if (report2.status === "rejected") throw report2.reason;
      if (outputs.status === "rejected") throw outputs.reason;
      return outputs.value;
    }
  };
  async function writeOutputs(verdict) {
    const fallback = await sarifLocation(options, image.reference.path);
    const dockerfile = await loadDockerfile(options.dockerfile, options.cwd, options.logger);
    const blame = await blameImage({
      rules: results.rules.filter((r) => ["fail", "error", "unknown"].includes(r.result)),
      parsed,
      arfPath: scan.arfPath,
      image,
      applied: prepared.layers,
      dockerfile,
      fallback,
      logger: options.logger,
      signal: options.signal
    });
    await writeFile3(join13(outDir, "results.json"), serializeResults(results, verdict));
    const written = await writeReports({
      outDir,
      results,
      verdict,
      arfPath: scan.arfPath,
      blame,
      fallback,
      toolVersion: options.toolVersion,
      logger: options.logger,
      scanner: scan.scanner,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      fixes
    });
    return written.summaryMarkdown;
  }
}

// packages/core/src/pipeline/prepare-root.ts
import { mkdir as mkdir6 } from "node:fs/promises";
import { join as join14 } from "node:path";
var maxOsReleaseBytes = 64 * 1024;
async function prepareRoot2(options, workDir) {
  const image = options.openedImage ?? await openSourceImage(options, workDir);
  return extractRoot(options, image, workDir);
}
async function openSourceImage(options, workDir) {
  const { progress, signal, logger } = options;
  const reference = parseImageReference(options.image);
  progress.phase("reading", reference.raw);
  return openImage(reference, {
    platform: options.platform,
    workDir: join14(workDir, "image"),
    signal,
    ...options.registry === void 0 ? {} : { registry: options.registry },
    ...options.daemon === void 0 ? {} : { daemon: options.daemon },
    log: (message) => logger.debug(message)
  });
}
async function extractRoot(options, image, workDir) {
  const { progress, signal, logger } = options;
  const reference = image.reference;
  try {
    logger.debug(
      `image ${reference.raw}: config ${image.configDigest}, ${image.layers.length} layers`
    );
    const root = join14(workDir, "root");
    await mkdir6(root, { mode: 448 });
    progress.phase("extracting", `${image.layers.length} layers`);
    const perLayer = /* @__PURE__ */ new Map();
    const layers = await applyLayers({
      root,
      layers: image.layers,
      signal,
      onProgress: (layerIndex, bytes) => {
        perLayer.set(layerIndex, bytes);
        let total = 0;
        for (const value of perLayer.values()) total += value;
        progress.progress("extracting", total);
      }
    });
    const os = await readOsRelease((path) => readFileInRoot(root, path, maxOsReleaseBytes));
    return { image, root, os, layers };
  } catch (error) {
    await image.close();
    throw error;
  }
}

// packages/core/src/pipeline/work-dir.ts
import { execFile as execFile4 } from "node:child_process";
import { mkdtemp as mkdtemp5, rm as rm7, chmod } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join15 } from "node:path";
function removeTree2(path) {
  return new Promise((resolve11) => {
    execFile4(
      "rm",
      ["-rf", "--one-file-system", "--", path],
      { env: { PATH: "/usr/bin:/bin" } },
      (error) => {
        if (error === null) return resolve11();
        resolve11(rm7(path, { recursive: true, force: true, maxRetries: 3 }));
      }
    );
  });
}
async function createWorkDir(parent = tmpdir3()) {
  const path = await mkdtemp5(join15(parent, "scapgate-"));
  await chmod(path, 448);
  let disposed;
  return {
    path,
    dispose: () => {
      disposed ??= removeTree2(path);
      return disposed;
    }
  };
}

// packages/core/src/pipeline/phase-timer.ts
function timePhases(progress, logger) {
  const started = performance.now();
  const phases = [];
  let current;
  const close = (now) => {
    if (current !== void 0)
      phases.push({ phase: current.phase, seconds: (now - current.at) / 1e3 });
  };
  return {
    phase(phase, detail) {
      const now = performance.now();
      close(now);
      current = { phase, at: now };
      progress.phase(phase, detail);
    },
    progress: (phase, done, total) => progress.progress(phase, done, total),
    finish() {
      const now = performance.now();
      close(now);
      current = void 0;
      const timings = { phases, totalSeconds: (now - started) / 1e3 };
      logger.debug(
        `timings: ${phases.map((p) => `${p.phase} ${p.seconds.toFixed(2)}s`).join(", ")}, total ${timings.totalSeconds.toFixed(2)}s`
      );
      return timings;
    }
  };
}

// packages/core/src/pipeline/choose-baseline.ts
import { access as access2 } from "node:fs/promises";
async function requireFile(path, flag) {
  try {
    await access2(path);
  } catch {
    throw new ConfigurationError(
      `Expected \`${flag}\` to name a readable file, got \`${path}\` (not found)`
    );
  }
}
async function chooseBaseline(options, prepared) {
  if (options.tailoringPath !== void 0) await requireFile(options.tailoringPath, "--tailoring");
  let contentPath;
  if (options.contentPath !== void 0) {
    await requireFile(options.contentPath, "--content");
    contentPath = options.contentPath;
  } else if (prepared.os === void 0) {
    throw new ConfigurationError(
      `${options.image}: expected /etc/os-release or /usr/lib/os-release in the image to choose SCAP content, found neither; give --content DS.xml`
    );
  } else {
    const selected = await selectContent(prepared.os, options.environment.contentDir);
    if (selected.viaIdLike) {
      options.logger.warning(
        `${sanitizeForDisplay(describeOs(prepared.os))} has no content of its own; using ${selected.fileName} through ID_LIKE`
      );
    }
    contentPath = selected.path;
  }
  const resolved = await resolveProfile(contentPath, options.profile, options.tailoringPath);
  const info = resolved.content.profiles.find((p) => p.id === resolved.profileId);
  return {
    contentPath,
    content: resolved.content,
    profile: { id: resolved.profileId, title: info?.title ?? resolved.profileId },
    tailoringPath: options.tailoringPath
  };
}

// packages/core/src/pipeline/run-contained-scan.ts
import { mkdir as mkdir7 } from "node:fs/promises";
import { join as join16 } from "node:path";
function evaluationTarget(prepared) {
  const digest = prepared.image.manifestDigest ?? prepared.image.configDigest;
  return `${prepared.image.reference.raw}@${digest}`;
}
async function runContainedScan(options, prepared, baseline, workDir) {
  const scanner = await preflightScanner({ oscapPath: options.environment.oscapPath, workDir });
  const outDir = join16(workDir, "oscap-out");
  await mkdir7(outDir, { mode: 448 });
  const target = evaluationTarget(prepared);
  const result = await runOscapScan({
    root: prepared.root,
    contentPath: baseline.contentPath,
    profileId: baseline.profile.id,
    tailoringPath: baseline.tailoringPath,
    imageEnv: prepared.image.config.env,
    target,
    outDir,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    logger: options.logger,
    scanner
  });
  for (const warning of result.warnings) options.logger.warning(`oscap: ${warning}`);
  return { ...result, scanner, target };
}

// packages/core/src/cve/cve-gate.ts
var rank = {
  negligible: 0,
  low: 1,
  medium: 2,
  high: 3,
  unknown: 3,
  critical: 4
};
var threshold = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
  never: Infinity
};
function covers(waiver, finding) {
  const ids2 = /* @__PURE__ */ new Set([finding.id, ...finding.cves, finding.advisory, finding.definitionId]);
  return ids2.has(waiver.id) && (waiver.packages === void 0 || waiver.packages.includes(finding.package));
}
function evaluateCveGate(report2, policy, now) {
  const active = policy.waivers.filter((w) => !isExpired(w, now));
  const expired = policy.waivers.filter((w) => isExpired(w, now));
  const waived = report2.findings.filter((f) => active.some((w) => covers(w, f)));
  const open10 = report2.findings.filter((f) => !active.some((w) => covers(w, f)));
  const unfixedIgnored = policy.ignoreUnfixed ? open10.filter((f) => f.fixedVersion === void 0) : [];
  const considered = open10.filter((f) => !(policy.ignoreUnfixed && f.fixedVersion === void 0));
  const gating = considered.filter((f) => rank[f.severity] >= threshold[policy.failOn]);
  const reasons = [];
  if (policy.failOn !== "never") {
    if (gating.length > 0) {
      const cveIds = [...new Set(gating.map((f) => f.id))].sort();
      reasons.push({
        kind: "vulnerable-packages",
        message: `${plural3(cveIds.length, "known vulnerability", "known vulnerabilities")} at severity ${policy.failOn} or higher in ${plural3(new Set(gating.map((f) => f.package)).size, "package")}.`,
        cveIds,
        threshold: policy.failOn
      });
    }
    if (report2.unverifiedDefinitions.length > 0) {
      reasons.push({
        kind: "unverified-cve-definitions",
        message: `${plural3(report2.unverifiedDefinitions.length, "vulnerability definition")} could not be evaluated (error or unknown).`,
        definitionIds: report2.unverifiedDefinitions
      });
    }
    if (report2.feed.stale && policy.staleFeed === "fail") {
      reasons.push({
        kind: "stale-feed",
        message: report2.feed.ageDays === void 0 ? `The CVE feed has no generation time, and stale-feed is fail (max-feed-age ${policy.maxFeedAgeDays} days).` : `The CVE feed is ${report2.feed.ageDays} days old, over max-feed-age ${policy.maxFeedAgeDays} days.`,
        ...report2.feed.ageDays === void 0 ? {} : { ageDays: report2.feed.ageDays },
        maxFeedAgeDays: policy.maxFeedAgeDays
      });
    }
    if (expired.length > 0) {
      const cveIds = [...new Set(expired.map((w) => w.id))].sort();
      reasons.push({
        kind: "expired-cve-waivers",
        message: `${plural3(expired.length, "CVE waiver")} expired: ${expired.map((w) => `${w.id} (${w.expires})`).join(", ")}; renew or remove ${expired.length === 1 ? "it" : "them"}.`,
        cveIds
      });
    }
  }
  return {
    status: reasons.length === 0 ? "pass" : "fail",
    failOn: policy.failOn,
    ignoreUnfixed: policy.ignoreUnfixed,
    reasons,
    counts: {
      findings: report2.findings.length,
      gating: gating.length,
      belowThreshold: considered.length - gating.length,
      unfixedIgnored: unfixedIgnored.length,
      waived: waived.length
    },
    waivers: {
      applied: active.filter((w) => report2.findings.some((f) => covers(w, f))),
      expired,
      stale: active.filter((w) => !report2.findings.some((f) => covers(w, f)))
    }
  };
}
function plural3(count, noun, pluralNoun = `${noun}s`) {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

// packages/core/src/cve/cve-outputs.ts
import { createHash as createHash9 } from "node:crypto";
import { readFile as readFile8, writeFile as writeFile4 } from "node:fs/promises";
import { join as join17 } from "node:path";
var GITLAB_REPORT_FILE = "gl-container-scanning-report.json";
var GITLAB_SCHEMA_VERSION = "15.2.4";
var SEVERITY_SCORE = {
  critical: 9.5,
  high: 8,
  unknown: 7,
  medium: 5.5,
  low: 3,
  negligible: 1
};
function securitySeverity2(finding) {
  return finding.cvss?.score ?? SEVERITY_SCORE[finding.severity];
}
function cveSarif(report2, locate2) {
  const rules = /* @__PURE__ */ new Map();
  const results = [];
  for (const finding of report2.findings) {
    const ruleId = finding.id;
    if (!rules.has(ruleId)) {
      rules.set(ruleId, {
        id: ruleId,
        name: "KnownVulnerability",
        shortDescription: { text: sanitizeForDisplay(finding.title || ruleId, 200) },
        ...finding.references[0] === void 0 ? {} : { helpUri: finding.references[0] },
        properties: {
          "security-severity": securitySeverity2(finding).toFixed(1),
          tags: ["security", "vulnerability", "cve"]
        }
      });
    }
    const fixed = finding.fixedVersion === void 0 ? "no fixed version yet" : `fixed in ${finding.fixedVersion}`;
    const location = locate2(finding);
    results.push({
      ruleId,
      level: finding.severity === "negligible" || finding.severity === "low" ? "note" : "error",
      message: {
        text: sanitizeForDisplay(
          `${finding.package} ${finding.installedVersion ?? "(version unknown)"} is affected by ${finding.cves.join(", ") || ruleId} (${finding.severity}); ${fixed}.${location.cause === void 0 ? "" : ` The package was ${location.cause}.`}`,
          1e3
        )
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: location.uri },
            region: {
              startLine: location.startLine,
              ...location.endLine === void 0 ? {} : { endLine: location.endLine }
            }
          }
        }
      ],
      partialFingerprints: { "scapgateCve/v1": fingerprint2(finding) }
    });
  }
  return { rules: [...rules.values()], results };
}
function fingerprint2(finding) {
  return createHash9("sha256").update(`${finding.id}\0${finding.package}`).digest("hex").slice(0, 32);
}
function gitlabContainerScanningReport(report2, options) {
  const time = (d) => d.toISOString().slice(0, 19);
  const tool = {
    id: "scapgate",
    name: "scapgate",
    version: options.toolVersion,
    vendor: { name: "scapgate" }
  };
  return {
    version: GITLAB_SCHEMA_VERSION,
    scan: {
      analyzer: tool,
      scanner: { ...tool, id: "scapgate-oval", name: "scapgate (OpenSCAP OVAL)" },
      start_time: time(options.startTime),
      end_time: time(options.endTime),
      status: "success",
      type: "container_scanning"
    },
    vulnerabilities: report2.findings.map((finding) => {
      const identifiers = [
        ...finding.cves.map((cve) => ({
          type: "cve",
          name: cve,
          value: cve,
          url: `https://nvd.nist.gov/vuln/detail/${cve}`
        })),
        ...finding.advisory === void 0 ? [] : [
          {
            type: advisoryType(finding.advisory),
            name: finding.advisory,
            value: finding.advisory
          }
        ],
        { type: "oval", name: finding.definitionId, value: finding.definitionId }
      ];
      return {
        id: fingerprint2(finding),
        name: sanitizeForDisplay(finding.title || finding.id, 255),
        description: sanitizeForDisplay(`${finding.title} (${finding.package})`, 15e3),
        severity: gitlabSeverity(finding.severity),
        solution: finding.fixedVersion === void 0 ? "No fixed version is available yet." : `Upgrade ${finding.package} to ${finding.fixedVersion} or later.`,
        identifiers,
        links: finding.references.map((url) => ({ url })),
        ...finding.cvss?.vector?.startsWith("CVSS:3") === true ? { cvss_vectors: [{ vendor: "unknown", vector: finding.cvss.vector }] } : {},
        location: {
          dependency: {
            package: { name: finding.package },
            version: finding.installedVersion ?? "unknown"
          },
          operating_system: options.operatingSystem,
          image: options.image
        }
      };
    })
  };
}
function advisoryType(id) {
  return /^[A-Z]+/.exec(id)?.[0]?.toLowerCase() ?? "advisory";
}
function gitlabSeverity(severity) {
  switch (severity) {
    case "critical":
      return "Critical";
    case "high":
      return "High";
    case "medium":
      return "Medium";
    case "low":
      return "Low";
    case "negligible":
      return "Info";
    default:
      return "Unknown";
  }
}
function cveSummaryMarkdown(report2, gate) {
  const cell = (text3) => sanitizeForDisplay(text3, 120).replace(/[|`*_[\]<>]/g, (c) => `\\${c}`);
  const lines2 = [
    "## Known vulnerabilities",
    "",
    `CVE gate **${gate.status}** (fail-on ${gate.failOn}${gate.ignoreUnfixed ? ", unfixed ignored" : ""}): ${report2.findings.length} findings, ${gate.counts.gating} gating, ${gate.counts.waived} waived. Feed ${cell(report2.feed.source)}${report2.feed.ageDays === void 0 ? "" : `, ${report2.feed.ageDays} days old`}${report2.feed.stale ? " (**stale**)" : ""}; ${report2.definitions.evaluated} of ${report2.definitions.total} definitions evaluated.`,
    ""
  ];
  for (const reason of gate.reasons) lines2.push(`- ${cell(reason.message)}`);
  if (gate.reasons.length > 0) lines2.push("");
  if (report2.findings.length > 0) {
    lines2.push("| CVE | Package | Installed | Fixed | Severity |", "|---|---|---|---|---|");
    for (const f of report2.findings.slice(0, 50)) {
      lines2.push(
        `| ${cell(f.id)} | ${cell(f.package)} | ${cell(f.installedVersion ?? "?")} | ${cell(f.fixedVersion ?? "no fix yet")} | ${f.severity}${f.cvss === void 0 ? "" : ` (${f.cvss.score})`} |`
      );
    }
    if (report2.findings.length > 50)
      lines2.push("", `\u2026 and ${report2.findings.length - 50} more in results.json.`);
    lines2.push("");
  }
  return lines2.join("\n");
}
function failHeading(summary, cveStatus) {
  const passed = `${summaryHeading("pass")}
`;
  if (cveStatus === "pass" || !summary.startsWith(passed)) return summary;
  return `${summaryHeading("fail")}

- Known vulnerabilities fail the gate (below).
${summary.slice(passed.length)}`;
}
async function writeCveOutputs(options) {
  const { outDir, report: report2, gate } = options;
  const resultsPath = join17(outDir, "results.json");
  const results = JSON.parse(await readFile8(resultsPath, "utf8"));
  results.cves = { ...report2, gate };
  if (gate.status === "fail" && results.gate !== void 0) {
    results.gate.status = "fail";
    results.gate.reasons = [...results.gate.reasons ?? [], ...gate.reasons];
  }
  await writeFile4(resultsPath, `${JSON.stringify(results, null, 2)}
`);
  const sarifPath = join17(outDir, "results.sarif");
  const sarif = JSON.parse(await readFile8(sarifPath, "utf8"));
  const run3 = sarif.runs[0];
  if (run3 !== void 0) {
    const { rules, results: cveResults } = cveSarif(report2, options.locate);
    run3.tool.driver.rules = [...run3.tool.driver.rules ?? [], ...rules];
    run3.results = [...run3.results ?? [], ...cveResults];
    await writeFile4(sarifPath, `${JSON.stringify(sarif, null, 2)}
`);
  }
  const section = cveSummaryMarkdown(report2, gate);
  const summaryPath = join17(outDir, "summary.md");
  const summary = failHeading(await readFile8(summaryPath, "utf8").catch(() => ""), gate.status);
  await writeFile4(summaryPath, `${summary.trimEnd()}

${section}`);
  await writeFile4(
    join17(outDir, GITLAB_REPORT_FILE),
    `${JSON.stringify(gitlabContainerScanningReport(report2, options.gitlab), null, 2)}
`
  );
  return section;
}

// packages/core/src/cve/cve-policy.ts
var cveFailOnValues = ["critical", "high", "medium", "low", "never"];
var defaultCvePolicy = {
  enabled: false,
  failOn: "high",
  ignoreUnfixed: false,
  maxFeedAgeDays: 7,
  staleFeed: "warn",
  waivers: []
};
var KEYS = ["enabled", "fail-on", "ignore-unfixed", "max-feed-age", "stale-feed", "waivers"];
function parseCvePolicy(raw, file = "the policy") {
  if (raw === void 0 || raw === null) return { ...defaultCvePolicy };
  const where = (key) => `\`cves.${key}\` in ${file}`;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigurationError(
      `Expected \`cves\` in ${file} to be a mapping, got ${describe3(raw)}`
    );
  }
  const map = raw;
  for (const key of Object.keys(map)) {
    if (!KEYS.includes(key)) {
      throw new ConfigurationError(
        `Expected the keys of \`cves\` in ${file} to be ${KEYS.join(", ")}, got \`${sanitizeForDisplay(key, 60)}\``
      );
    }
  }
  const bool = (key, fallback) => {
    const value = map[key];
    if (value === void 0) return fallback;
    if (typeof value !== "boolean")
      throw new ConfigurationError(
        `Expected ${where(key)} to be true or false, got ${describe3(value)}`
      );
    return value;
  };
  const oneOf2 = (key, values, fallback) => {
    const value = map[key];
    if (value === void 0) return fallback;
    if (typeof value !== "string" || !values.includes(value)) {
      throw new ConfigurationError(
        `Expected ${where(key)} to be one of ${values.join("|")}, got ${describe3(value)}`
      );
    }
    return value;
  };
  const waiversRaw = map.waivers ?? [];
  if (!Array.isArray(waiversRaw))
    throw new ConfigurationError(
      `Expected ${where("waivers")} to be a list, got ${describe3(waiversRaw)}`
    );
  return {
    enabled: bool("enabled", false),
    failOn: oneOf2("fail-on", cveFailOnValues, "high"),
    ignoreUnfixed: bool("ignore-unfixed", false),
    maxFeedAgeDays: map["max-feed-age"] === void 0 ? 7 : parseFeedAge(map["max-feed-age"], where("max-feed-age")),
    staleFeed: oneOf2("stale-feed", ["warn", "fail"], "warn"),
    waivers: waiversRaw.map((w, i) => parseWaiver(w, where(`waivers[${i}]`)))
  };
}
function parseFeedAge(value, where) {
  const text3 = typeof value === "number" ? String(value) : value;
  const match = typeof text3 === "string" ? /^(\d{1,5})\s*(d|h)?$/.exec(text3.trim()) : null;
  if (match === null) {
    throw new ConfigurationError(
      `Expected ${where} to be a number of days (\`7\`, \`7d\`) or hours (\`36h\`), got ${describe3(value)}`
    );
  }
  const amount = Number(match[1]);
  return match[2] === "h" ? Math.ceil(amount / 24) : amount;
}
function parseWaiver(raw, where) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError(
      `Expected ${where} to be a mapping with id, reason and expires, got ${describe3(raw)}`
    );
  }
  const w = raw;
  const text3 = (key, required3) => {
    const value = w[key];
    if (value === void 0 && !required3) return void 0;
    if (typeof value !== "string" || value.trim() === "") {
      throw new ConfigurationError(
        `Expected ${where}.${key} to be a non-empty string, got ${describe3(value)}`
      );
    }
    return value.trim();
  };
  const id = text3("id", true);
  const expires = text3("expires", true);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) {
    throw new ConfigurationError(
      `Expected ${where}.expires to be a date YYYY-MM-DD, got \`${sanitizeForDisplay(expires, 40)}\``
    );
  }
  const packages = w.packages;
  if (packages !== void 0 && (!Array.isArray(packages) || !packages.every((p) => typeof p === "string"))) {
    throw new ConfigurationError(
      `Expected ${where}.packages to be a list of package names, got ${describe3(packages)}`
    );
  }
  const approver = text3("approver", false);
  return {
    id,
    reason: text3("reason", true),
    expires,
    ...approver === void 0 ? {} : { approver },
    ...packages === void 0 ? {} : { packages }
  };
}
function describe3(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `\`${sanitizeForDisplay(String(value), 60)}\` (${typeof value})`;
}

// packages/core/src/cve/scan-cves.ts
import { mkdtemp as mkdtemp7 } from "node:fs/promises";
import { join as join21 } from "node:path";

// packages/core/src/cve/feed-fetch.ts
import { spawn as spawn2 } from "node:child_process";
import { createHash as createHash10 } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream as createWriteStream3 } from "node:fs";
import { mkdir as mkdir8, open as open8, readFile as readFile9, rename as rename4, rm as rm8, stat as stat7, writeFile as writeFile5 } from "node:fs/promises";
import { join as join18 } from "node:path";
import { Readable as Readable3, Transform as Transform3 } from "node:stream";
import { pipeline as pipeline5 } from "node:stream/promises";
var FeedUnavailableError = class extends Error {
  constructor(message, url, options) {
    super(message, options);
    this.url = url;
    this.name = "FeedUnavailableError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  url;
};
var DEFAULT_MAX = 2 * 1024 * 1024 * 1024;
var DEFAULT_TIMEOUT = 10 * 60 * 1e3;
async function fetchFeed(options) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX;
  if (!/^https?:\/\//i.test(options.source)) {
    const info = await stat7(options.source).catch(() => void 0);
    if (!info?.isFile()) {
      throw new ConfigurationError(
        `Expected --feed \`${sanitizeForDisplay(options.source, 200)}\` to be an OVAL file or an http(s) URL, found ${info === void 0 ? "nothing" : "no regular file"}`
      );
    }
    const sha2562 = await hashFile(options.source);
    return {
      xmlPath: await decompressIfNeeded(options.source, options.workDir, maxBytes, options.signal),
      sha256: sha2562,
      source: options.source,
      origin: "file"
    };
  }
  const url = options.source;
  const cacheDir = options.cacheDir ?? join18(options.workDir, "feed-download");
  await mkdir8(cacheDir, { recursive: true, mode: 448 });
  const index = options.cacheDir === void 0 ? {} : await readIndex(cacheDir);
  const cached2 = index[url];
  const cachedPath = cached2 === void 0 ? void 0 : join18(cacheDir, cached2.file);
  const usable = cachedPath !== void 0 && await hashFile(cachedPath).catch(() => "") === cached2?.sha256;
  let file;
  let sha256;
  let origin;
  try {
    const headers = {};
    if (usable && cached2?.etag !== void 0) headers["If-None-Match"] = cached2.etag;
    if (usable && cached2?.lastModified !== void 0)
      headers["If-Modified-Since"] = cached2.lastModified;
    const response = await (options.fetch ?? fetch)(url, {
      headers,
      redirect: "follow",
      signal: withTimeout(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT)
    });
    if (response.status === 304 && usable && cached2 !== void 0 && cachedPath !== void 0) {
      options.logger.debug(`feed ${url}: not modified, using the cached copy`);
      file = cachedPath;
      sha256 = cached2.sha256;
      origin = "cache";
    } else {
      if (!response.ok || response.body === null) {
        throw new FeedUnavailableError(`HTTP ${response.status} for ${url}`, url);
      }
      const length = Number(response.headers.get("content-length") ?? "0");
      if (length > maxBytes) {
        throw new LimitExceededError(
          `The feed ${url} is ${length} bytes, over the ${maxBytes}-byte limit`,
          "maxFeedBytes"
        );
      }
      const temp = join18(cacheDir, `.download-${process.pid}-${Date.now()}`);
      sha256 = await download(Readable3.fromWeb(response.body), temp, maxBytes, url);
      if (options.checksums !== void 0) {
        await verifyChecksum(options, sha256).catch(async (error) => {
          await rm8(temp, { force: true });
          throw error;
        });
      }
      const name = `${sha256}${url.endsWith(".bz2") ? ".xml.bz2" : ".xml"}`;
      file = join18(cacheDir, name);
      await rename4(temp, file);
      const etag = response.headers.get("etag") ?? void 0;
      const lastModified = response.headers.get("last-modified") ?? void 0;
      index[url] = {
        sha256,
        file: name,
        ...etag === void 0 ? {} : { etag },
        ...lastModified === void 0 ? {} : { lastModified },
        fetchedAt: (/* @__PURE__ */ new Date()).toISOString()
      };
      if (options.cacheDir !== void 0) await writeIndex(cacheDir, index);
      origin = "download";
    }
  } catch (error) {
    if (error instanceof FeedUnavailableError && /checksum/.test(error.message)) throw error;
    if (error instanceof LimitExceededError) throw error;
    if (options.signal?.aborted === true) throw error;
    if (!usable || cached2 === void 0 || cachedPath === void 0) {
      if (error instanceof FeedUnavailableError) throw error;
      throw new FeedUnavailableError(
        `Cannot download the feed ${url}: ${getErrorMessage(error)}`,
        url,
        { cause: error }
      );
    }
    options.logger.warning(
      `Cannot refresh the feed ${url} (${getErrorMessage(error)}); using the copy cached at ${cached2.fetchedAt}`
    );
    file = cachedPath;
    sha256 = cached2.sha256;
    origin = "stale-cache";
  }
  return {
    xmlPath: await decompressIfNeeded(file, options.workDir, maxBytes, options.signal),
    sha256,
    source: url,
    origin
  };
}
function withTimeout(signal, ms) {
  const timeout = AbortSignal.timeout(ms);
  return signal === void 0 ? timeout : AbortSignal.any([signal, timeout]);
}
async function download(body, path, maxBytes, url) {
  const hash = createHash10("sha256");
  let size = 0;
  const meter = new Transform3({
    transform(chunk, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(
          new LimitExceededError(
            `The feed ${url} is over the ${maxBytes}-byte limit`,
            "maxFeedBytes"
          )
        );
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    }
  });
  try {
    await pipeline5(body, meter, createWriteStream3(path, { mode: 384 }));
  } catch (error) {
    await rm8(path, { force: true });
    throw error;
  }
  return hash.digest("hex");
}
async function verifyChecksum(options, sha256) {
  const checksums = options.checksums;
  if (checksums === void 0) return;
  const response = await (options.fetch ?? fetch)(checksums.url, {
    signal: withTimeout(options.signal, 6e4)
  }).catch((error) => {
    throw new FeedUnavailableError(
      `Cannot download the checksums ${checksums.url}: ${getErrorMessage(error)}`,
      checksums.url
    );
  });
  if (!response.ok) {
    throw new FeedUnavailableError(
      `HTTP ${response.status} for the checksums ${checksums.url}`,
      checksums.url
    );
  }
  const text3 = await response.text();
  const line = text3.split("\n").find((l) => l.split(",")[0] === checksums.entry);
  const expected = line?.split(",")[1]?.trim().toLowerCase();
  if (expected === void 0) {
    throw new FeedUnavailableError(
      `The checksums ${checksums.url} do not list ${checksums.entry}`,
      checksums.url
    );
  }
  if (expected !== sha256) {
    throw new FeedUnavailableError(
      `The feed ${options.source} does not match its published checksum: expected sha256 ${expected}, got ${sha256}`,
      options.source
    );
  }
}
async function decompressIfNeeded(path, workDir, maxBytes, signal) {
  const handle = await open8(path, "r");
  const magic = Buffer.alloc(3);
  await handle.read(magic, 0, 3, 0).finally(() => handle.close());
  if (magic.toString("latin1") !== "BZh") return path;
  const out = join18(workDir, `feed-${Date.now()}.xml`);
  await bunzip2(path, out, maxBytes, signal);
  return out;
}
function bunzip2(input, out, maxBytes, signal) {
  return new Promise((resolve11, reject) => {
    const child2 = spawn2("bzip2", ["-dc"], {
      stdio: ["pipe", "pipe", "pipe"],
      ...signal === void 0 ? {} : { signal }
    });
    let stderr = "";
    let size = 0;
    let failure;
    child2.stderr.on("data", (chunk) => stderr += chunk.toString("utf8").slice(0, 1e3));
    const sink = createWriteStream3(out, { mode: 384 });
    child2.stdout.on("data", (chunk) => {
      size += chunk.length;
      if (size > maxBytes && failure === void 0) {
        failure = new LimitExceededError(
          `The decompressed feed is over the ${maxBytes}-byte limit`,
          "maxFeedBytes"
        );
        child2.kill("SIGKILL");
      }
    });
    child2.stdout.pipe(sink);
    createReadStream3(input).on("error", reject).pipe(child2.stdin).on("error", () => {
    });
    child2.on("error", (error) => {
      reject(
        error.code === "ENOENT" ? new FeedUnavailableError(
          "Cannot decompress the .bz2 feed: bzip2 is not installed (apt-get install bzip2)",
          input
        ) : error
      );
    });
    child2.on("close", (code) => {
      sink.end(() => {
        if (failure !== void 0) return reject(failure);
        if (code !== 0) {
          return reject(
            new FeedUnavailableError(
              `bzip2 could not decompress the feed: ${sanitizeForDisplay(stderr.trim(), 300)}`,
              input
            )
          );
        }
        resolve11();
      });
    });
  });
}
async function hashFile(path) {
  const hash = createHash10("sha256");
  await pipeline5(createReadStream3(path), hash);
  return hash.digest("hex");
}
async function readIndex(dir) {
  const text3 = await readFile9(join18(dir, "index.json"), "utf8").catch(() => void 0);
  if (text3 === void 0) return {};
  try {
    const parsed = JSON.parse(text3);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const index = {};
    for (const [url, entry] of Object.entries(parsed)) {
      if (typeof entry !== "object" || entry === null) continue;
      const e = entry;
      if (typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256)) continue;
      if (typeof e.file !== "string" || !/^[0-9a-f]{64}\.xml(\.bz2)?$/.test(e.file)) continue;
      index[url] = {
        sha256: e.sha256,
        file: e.file,
        fetchedAt: typeof e.fetchedAt === "string" ? e.fetchedAt : "",
        ...typeof e.etag === "string" ? { etag: e.etag } : {},
        ...typeof e.lastModified === "string" ? { lastModified: e.lastModified } : {}
      };
    }
    return index;
  } catch {
    return {};
  }
}
async function writeIndex(dir, index) {
  const temp = join18(dir, `.index-${process.pid}.json`);
  await writeFile5(temp, `${JSON.stringify(index, null, 2)}
`, { mode: 384 });
  await rename4(temp, join18(dir, "index.json"));
}

// packages/core/src/cve/feed-source.ts
var DEBIAN_CODENAMES = {
  "9": "stretch",
  "10": "buster",
  "11": "bullseye",
  "12": "bookworm",
  "13": "trixie"
};
var UBUNTU_CODENAMES = {
  "18.04": "bionic",
  "20.04": "focal",
  "22.04": "jammy",
  "24.04": "noble"
};
var RHEL_V2 = "https://security.access.redhat.com/data/oval/v2";
function selectFeed(os) {
  const id = os?.id;
  if (id === "debian") {
    const codename = os?.versionCodename ?? DEBIAN_CODENAMES[(os?.versionId ?? "").split(".")[0] ?? ""];
    if (codename !== void 0 && /^[a-z]+$/.test(codename)) {
      return {
        url: `https://www.debian.org/security/oval/oval-definitions-${codename}.xml.bz2`,
        distribution: "debian",
        release: codename
      };
    }
  }
  if (id === "ubuntu") {
    const codename = os?.versionCodename ?? UBUNTU_CODENAMES[os?.versionId ?? ""];
    if (codename !== void 0 && /^[a-z]+$/.test(codename)) {
      return {
        url: `https://security-metadata.canonical.com/oval/oci.com.ubuntu.${codename}.cve.oval.xml.bz2`,
        distribution: "ubuntu",
        release: codename
      };
    }
  }
  if (id === "rhel") {
    const major = /^(\d+)/.exec(os?.versionId ?? "")?.[1];
    if (major !== void 0) {
      const entry = `RHEL${major}/rhel-${major}.oval.xml.bz2`;
      return {
        url: `${RHEL_V2}/${entry}`,
        distribution: "rhel",
        release: major,
        checksums: { url: `${RHEL_V2}/PULP_MANIFEST`, entry, format: "pulp-manifest" }
      };
    }
  }
  const name = os === void 0 ? "an image without /etc/os-release" : sanitizeForDisplay(describeOs(os), 80);
  throw new ConfigurationError(
    `Expected an image of Debian, Ubuntu or RHEL/UBI for CVE scanning (their OVAL feeds are known), found ${name}; pass --feed FILE|URL with an OVAL vulnerability feed for it`
  );
}
function distributionOf(os) {
  const ids2 = [os?.id, ...os?.idLike ?? []];
  if (ids2.includes("ubuntu")) return "ubuntu";
  if (ids2.includes("debian")) return "debian";
  if (ids2.some((id) => id === "rhel" || id === "fedora" || id === "centos")) return "rhel";
  return void 0;
}

// packages/core/src/cve/dpkg-version.ts
function parseDpkgVersion(text3) {
  const trimmed = text3.trim();
  const colon = trimmed.indexOf(":");
  let epoch = 0;
  let rest = trimmed;
  if (colon >= 0) {
    const parsed = Number(trimmed.slice(0, colon));
    epoch = Number.isSafeInteger(parsed) ? parsed : 0;
    rest = trimmed.slice(colon + 1);
  }
  const hyphen = rest.lastIndexOf("-");
  return hyphen >= 0 ? { epoch, upstream: rest.slice(0, hyphen), revision: rest.slice(hyphen + 1) } : { epoch, upstream: rest, revision: "" };
}
function compareDpkgVersions(a, b) {
  const va = parseDpkgVersion(a);
  const vb = parseDpkgVersion(b);
  if (va.epoch !== vb.epoch) return va.epoch > vb.epoch ? 1 : -1;
  return sign(verrevcmp(va.upstream, vb.upstream)) || sign(verrevcmp(va.revision, vb.revision));
}
var isDigit = (c) => c >= 48 && c <= 57;
var isAlpha = (c) => c >= 65 && c <= 90 || c >= 97 && c <= 122;
function order2(c) {
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  if (c !== 0) return c + 256;
  return 0;
}
function verrevcmp(a, b) {
  const sa = Buffer.from(a, "utf8");
  const sb = Buffer.from(b, "utf8");
  const at = (s, i2) => {
    const byte = s[i2];
    if (byte === void 0) return 0;
    return byte >= 128 ? byte - 256 : byte;
  };
  let i = 0;
  let j = 0;
  while (at(sa, i) !== 0 || at(sb, j) !== 0) {
    let firstDiff = 0;
    while (at(sa, i) !== 0 && !isDigit(at(sa, i)) || at(sb, j) !== 0 && !isDigit(at(sb, j))) {
      const ac = order2(at(sa, i));
      const bc = order2(at(sb, j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (at(sa, i) === 48) i++;
    while (at(sb, j) === 48) j++;
    while (isDigit(at(sa, i)) && isDigit(at(sb, j))) {
      if (firstDiff === 0) firstDiff = at(sa, i) - at(sb, j);
      i++;
      j++;
    }
    if (isDigit(at(sa, i))) return 1;
    if (isDigit(at(sb, j))) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}
function sign(n) {
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

// packages/core/src/cve/rpm-version.ts
function parseRpmEvr(text3) {
  let s = 0;
  while (s < text3.length && isDigit2(text3.charCodeAt(s))) s++;
  let epoch;
  let rest = text3;
  if (text3[s] === ":") {
    epoch = text3.slice(0, s) || "0";
    rest = text3.slice(s + 1);
  }
  const hyphen = rest.lastIndexOf("-");
  if (hyphen < 0) return { epoch, version: rest, release: void 0 };
  return { epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1) };
}
function compareRpmEvr(a, b) {
  const va = parseRpmEvr(a);
  const vb = parseRpmEvr(b);
  return rpmvercmp(va.epoch ?? "0", vb.epoch ?? "0") || rpmvercmp(va.version, vb.version) || rpmvercmp(va.release ?? "", vb.release ?? "");
}
var isDigit2 = (c) => c >= 48 && c <= 57;
var isAlpha2 = (c) => c >= 65 && c <= 90 || c >= 97 && c <= 122;
var isAlnum = (c) => isDigit2(c) || isAlpha2(c);
var TILDE = 126;
var CARET = 94;
function rpmvercmp(a, b) {
  if (a === b) return 0;
  const one = Buffer.from(a, "utf8");
  const two = Buffer.from(b, "utf8");
  const at = (s, i2) => s[i2] ?? 0;
  let i = 0;
  let j = 0;
  while (at(one, i) !== 0 || at(two, j) !== 0) {
    while (at(one, i) !== 0 && !isAlnum(at(one, i)) && at(one, i) !== TILDE && at(one, i) !== CARET)
      i++;
    while (at(two, j) !== 0 && !isAlnum(at(two, j)) && at(two, j) !== TILDE && at(two, j) !== CARET)
      j++;
    if (at(one, i) === TILDE || at(two, j) === TILDE) {
      if (at(one, i) !== TILDE) return 1;
      if (at(two, j) !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (at(one, i) === CARET || at(two, j) === CARET) {
      if (at(one, i) === 0) return -1;
      if (at(two, j) === 0) return 1;
      if (at(one, i) !== CARET) return 1;
      if (at(two, j) !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (at(one, i) === 0 || at(two, j) === 0) break;
    let end1 = i;
    let end2 = j;
    const isNum = isDigit2(at(one, i));
    const inSegment = isNum ? isDigit2 : isAlpha2;
    while (at(one, end1) !== 0 && inSegment(at(one, end1))) end1++;
    while (at(two, end2) !== 0 && inSegment(at(two, end2))) end2++;
    if (end1 === i) return -1;
    if (end2 === j) return isNum ? 1 : -1;
    let s1 = one.subarray(i, end1);
    let s2 = two.subarray(j, end2);
    if (isNum) {
      s1 = stripZeros(s1);
      s2 = stripZeros(s2);
      if (s1.length !== s2.length) return s1.length > s2.length ? 1 : -1;
    }
    const rc = Buffer.compare(s1, s2);
    if (rc !== 0) return rc < 0 ? -1 : 1;
    i = end1;
    j = end2;
  }
  if (at(one, i) === 0 && at(two, j) === 0) return 0;
  return at(one, i) === 0 ? -1 : 1;
}
function stripZeros(s) {
  let k = 0;
  while (s[k] === 48) k++;
  return s.subarray(k);
}

// packages/core/src/cve/findings.ts
var CVE_ID = /CVE-\d{4}-\d{4,}/g;
var MAX_REFERENCES = 20;
function buildFindings(trueIds, index, installed) {
  const findings = [];
  for (const id of trueIds) {
    const text3 = index.definitions.get(id);
    if (text3 === void 0) continue;
    const meta = readMetadata(text3);
    const packages = vulnerablePackages(index.criteria.get(id), index, installed);
    const base = {
      id: meta.cves[0] ?? meta.advisory ?? id,
      cves: meta.cves,
      ...meta.advisory === void 0 ? {} : { advisory: meta.advisory },
      definitionId: id,
      title: meta.title,
      severity: meta.severity,
      ...meta.cvss === void 0 ? {} : { cvss: meta.cvss },
      references: meta.references
    };
    if (packages.length === 0) {
      findings.push({ ...base, package: meta.product ?? "unknown" });
      continue;
    }
    for (const pkg of packages) {
      findings.push({
        ...base,
        package: pkg.name,
        ...pkg.installed === void 0 ? {} : { installedVersion: pkg.installed },
        ...pkg.fixed === void 0 ? {} : { fixedVersion: pkg.fixed }
      });
    }
  }
  return findings.sort((a, b) => a.id.localeCompare(b.id) || a.package.localeCompare(b.package));
}
function vulnerablePackages(tree, index, installed) {
  const found = /* @__PURE__ */ new Map();
  const visit = (node) => {
    if (node.kind === "criteria") return node.children.forEach(visit);
    if (node.kind !== "criterion" || node.negate) return;
    const test = index.tests.get(node.testRef);
    const object = test?.objectRef === void 0 ? void 0 : index.objects.get(test.objectRef);
    if (test === void 0 || object?.packageName === void 0 || object.packageKind === void 0)
      return;
    const versions = installed[object.packageKind];
    const current = versions?.get(object.packageName);
    if (versions !== void 0 && current === void 0) return;
    if (test.stateRefs.length === 0) {
      if (!found.has(object.packageName)) {
        found.set(object.packageName, {
          name: object.packageName,
          ...current === void 0 ? {} : { installed: current }
        });
      }
      return;
    }
    const state = test.stateRefs.map((ref) => index.states.get(ref)).find((s) => s?.version !== void 0);
    if (state?.version === void 0) return;
    if (state.operation !== "less than") return;
    const compare2 = object.packageKind === "dpkg" ? compareDpkgVersions : compareRpmEvr;
    if (current !== void 0 && compare2(current, state.version) >= 0) return;
    found.set(object.packageName, {
      name: object.packageName,
      ...current === void 0 ? {} : { installed: current },
      fixed: displayVersion(state.version)
    });
  };
  if (tree !== void 0) visit(tree);
  return [...found.values()];
}
function displayVersion(version) {
  return version.startsWith("0:") ? version.slice(2) : version;
}
function text2(raw) {
  if (raw === void 0) return void 0;
  try {
    return decodeText(raw, "a feed definition").trim();
  } catch {
    return raw.trim();
  }
}
function readMetadata(definition) {
  const title = text2(/<(?:[\w.-]+:)?title>([^<]*)</.exec(definition)?.[1]) ?? "";
  const cves = /* @__PURE__ */ new Set();
  const references = /* @__PURE__ */ new Set();
  let advisory;
  for (const match of definition.matchAll(/<(?:[\w.-]+:)?reference\b([^>]*)>/g)) {
    const attrs = match[1] ?? "";
    const source = /\ssource="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const refId = text2(/\sref_id="([^"]*)"/.exec(attrs)?.[1]) ?? "";
    const url = text2(/\sref_url="([^"]*)"/.exec(attrs)?.[1]);
    if (source === "CVE") for (const id of refId.match(CVE_ID) ?? []) cves.add(id);
    else if (/^(RHSA|USN|DSA|DLA|ELSA|ALSA)/.test(refId) || /^(RHSA|USN|DSA|DLA)$/.test(source))
      advisory ??= refId;
    if (url !== void 0 && /^https?:\/\//.test(url)) references.add(url);
  }
  let cvss;
  let cveSeverity;
  for (const match of definition.matchAll(/<(?:[\w.-]+:)?cve\b([^>]*)>([^<]*)</g)) {
    const attrs = match[1] ?? "";
    for (const id of (match[2] ?? "").match(CVE_ID) ?? []) cves.add(id);
    const href = text2(/\shref="([^"]*)"/.exec(attrs)?.[1]);
    if (href !== void 0 && /^https?:\/\//.test(href)) references.add(href);
    const rh = /\scvss3="([\d.]+)\/([^"]*)"/.exec(attrs);
    const score = Number(rh?.[1] ?? /\scvss_score="([\d.]+)"/.exec(attrs)?.[1] ?? NaN);
    const vector = rh?.[2] ?? /\scvss_vector="([^"]*)"/.exec(attrs)?.[1];
    if (Number.isFinite(score) && score >= 0 && score <= 10 && (cvss === void 0 || score > cvss.score)) {
      cvss = { score, ...vector === void 0 || vector === "" ? {} : { vector } };
    }
    const level = normalizeSeverity(/\s(?:impact|severity)="([^"]*)"/.exec(attrs)?.[1]);
    if (level !== "unknown" && (cveSeverity === void 0 || rank2(level) > rank2(cveSeverity)))
      cveSeverity = level;
  }
  const advisorySeverity = normalizeSeverity(
    /<(?:[\w.-]+:)?severity>([^<]*)</.exec(definition)?.[1]
  );
  const product = text2(/<(?:[\w.-]+:)?product>([^<]*)</.exec(definition)?.[1]);
  if (cves.size === 0) for (const id of title.match(CVE_ID) ?? []) cves.add(id);
  return {
    title,
    cves: [...cves],
    ...advisory === void 0 ? {} : { advisory },
    ...product === void 0 ? {} : { product },
    severity: advisorySeverity !== "unknown" ? advisorySeverity : cveSeverity ?? "unknown",
    ...cvss === void 0 ? {} : { cvss },
    references: [...references].slice(0, MAX_REFERENCES)
  };
}
var severityRank2 = {
  unknown: 0,
  negligible: 1,
  low: 2,
  medium: 3,
  high: 4,
  critical: 5
};
var rank2 = (s) => severityRank2[s];
function normalizeSeverity(word) {
  switch ((word ?? "").trim().toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
    case "important":
      return "high";
    case "medium":
    case "moderate":
      return "medium";
    case "low":
      return "low";
    case "negligible":
    case "none":
      return "negligible";
    default:
      return "unknown";
  }
}

// packages/core/src/cve/installed-packages.ts
import { lstat as lstat5, readdir as readdir2 } from "node:fs/promises";
import { join as join19 } from "node:path";
var MAX_STATUS_BYTES = 64 * 1024 * 1024;
var MAX_STATUS_D_FILES = 1e4;
function parseDpkgStatus2(text3) {
  const packages = [];
  for (const paragraph of text3.split(/\n\s*\n/)) {
    const fields = /* @__PURE__ */ new Map();
    for (const line of paragraph.split("\n")) {
      const match = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/.exec(line);
      if (match) fields.set(match[1].toLowerCase(), match[2].trim());
    }
    const name = fields.get("package");
    const version = fields.get("version");
    if (name === void 0 || version === void 0 || name === "" || version === "") continue;
    const source = /^(\S+)/.exec(fields.get("source") ?? "")?.[1];
    packages.push({
      name,
      version,
      architecture: fields.get("architecture") ?? "",
      status: fields.get("status") ?? "",
      ...source === void 0 || source === name ? {} : { source }
    });
  }
  return packages;
}
function isInstalled(pkg) {
  return pkg.status === "" || /\binstalled$/.test(pkg.status);
}
async function readDpkgPackages(root) {
  const status = await readFileInRoot(root, "/var/lib/dpkg/status", MAX_STATUS_BYTES);
  const parts = status === void 0 ? [] : parseDpkgStatus2(status.toString("utf8"));
  let found = status !== void 0;
  const dir = await resolveInRoot(root, "/var/lib/dpkg/status.d");
  const info = await lstat5(dir).catch(() => void 0);
  if (info?.isDirectory()) {
    found = true;
    const names = (await readdir2(dir)).sort().slice(0, MAX_STATUS_D_FILES);
    for (const name of names) {
      if (name.endsWith(".md5sums")) continue;
      const file = await lstat5(join19(dir, name)).catch(() => void 0);
      if (!file?.isFile()) continue;
      const bytes = await readFileInRoot(root, `/var/lib/dpkg/status.d/${name}`, MAX_STATUS_BYTES);
      if (bytes !== void 0) parts.push(...parseDpkgStatus2(bytes.toString("utf8")));
    }
  }
  if (!found) return void 0;
  return parts.filter((pkg) => !/\bnot-installed$/.test(pkg.status));
}
function ubuntuManifest(packages) {
  return packages.filter((pkg) => isInstalled(pkg)).map(
    (pkg) => `${pkg.name}${pkg.architecture === "" ? "" : `:${pkg.architecture}`}	${pkg.version}
`
  ).join("");
}

// packages/core/src/cve/prefilter.ts
import { open as open9 } from "node:fs/promises";

// packages/core/src/cve/oval-elements.ts
function own(text3) {
  return ` ${text3}`.slice(1);
}
var OVAL_ID = /oval:[A-Za-z0-9_.-]+:(?:def|tst|obj|ste|var):\d+/g;
function referencedIds(text3, ownId) {
  const ids2 = new Set(text3.match(OVAL_ID) ?? []);
  ids2.delete(ownId);
  return [...ids2].map(own);
}
var attrPatterns = /* @__PURE__ */ new Map();
function attr(tag, name) {
  let pattern = attrPatterns.get(name);
  if (pattern === void 0) {
    pattern = new RegExp(`\\s${name}="([^"]*)"`);
    attrPatterns.set(name, pattern);
  }
  const value = pattern.exec(tag)?.[1];
  return value === void 0 ? void 0 : own(value);
}
function readCriteria(definition) {
  const tags = /<(\/?)(?:[\w.-]+:)?(criteria|criterion|extend_definition)\b([^>]*?)(\/?)>/g;
  const stack = [];
  let root;
  const from = definition.indexOf("criteria");
  if (from < 0) return void 0;
  tags.lastIndex = Math.max(0, definition.lastIndexOf("<", from));
  for (const match of definition.matchAll(tags)) {
    const [, close, name, attrs = "", empty2] = match;
    if (close === "/") {
      if (name === "criteria") {
        const done = stack.pop();
        if (done !== void 0 && stack.length === 0) root = done;
      }
      continue;
    }
    const negate = attr(attrs, "negate") === "true";
    let node;
    if (name === "criteria") {
      node = { kind: "criteria", operator: attr(attrs, "operator") ?? "AND", negate, children: [] };
    } else if (name === "criterion") {
      node = { kind: "criterion", testRef: attr(attrs, "test_ref") ?? "", negate };
    } else {
      node = { kind: "extend", definitionRef: attr(attrs, "definition_ref") ?? "", negate };
    }
    const parent = stack[stack.length - 1];
    if (parent !== void 0) parent.children.push(node);
    if (node.kind === "criteria" && empty2 !== "/") stack.push(node);
    else if (node.kind === "criteria" && stack.length === 0) root = node;
  }
  return root;
}
function readTest(name, text3) {
  const localName = own(name);
  const start = /^<[^>]*>/.exec(text3)?.[0] ?? text3;
  const objectRef = /<(?:[\w.-]+:)?object\s[^>]*object_ref="([^"]*)"/.exec(text3)?.[1];
  const stateRefs = [...text3.matchAll(/<(?:[\w.-]+:)?state\s[^>]*state_ref="([^"]*)"/g)].map(
    (m) => m[1]
  );
  return {
    localName,
    ...objectRef === void 0 ? {} : { objectRef: own(objectRef) },
    stateRefs: stateRefs.map(own),
    checkExistence: attr(start, "check_existence") ?? "at_least_one_exists"
  };
}
function readObject(name, text3) {
  const localName = own(name);
  if (localName === "dpkginfo_object" || localName === "rpminfo_object") {
    const name2 = /<(?:[\w.-]+:)?name\b([^>]*)>([^<]*)<\//.exec(text3);
    const attrs = name2?.[1] ?? "";
    const operation = attr(attrs, "operation") ?? "equals";
    if (name2 === null || operation !== "equals" || /var_ref=/.test(attrs) || /<set\b|:set\b/.test(text3)) {
      return { localName };
    }
    return {
      localName,
      packageName: own(decodeText(name2[2].trim(), "an OVAL object")),
      packageKind: localName === "dpkginfo_object" ? "dpkg" : "rpm"
    };
  }
  if (localName === "textfilecontent54_object") {
    const filename = /<(?:[\w.-]+:)?filename\b[^>]*>([^<]*)</.exec(text3)?.[1];
    const pattern = /<(?:[\w.-]+:)?pattern\b[^>]*>([^<]*)</.exec(text3)?.[1];
    if (filename === "manifest" && pattern !== void 0) {
      const decoded = decodeText(pattern, "an OVAL object");
      const match = /^\^([a-z0-9][a-z0-9+.-]*)\(\?::\\w\+\|\)\\s\+\(\.\*\)\$$/.exec(decoded);
      if (match) return { localName, packageName: own(match[1]), packageKind: "dpkg" };
    }
  }
  return { localName };
}
function readState(text3) {
  const match = /<(?:[\w.-]+:)?(?:evr|version|subexpression)\b([^>]*)>([^<]*)</.exec(text3);
  if (match === null) return {};
  const attrs = match[1] ?? "";
  if (!/datatype="(?:debian_)?evr_string"/.test(attrs)) return {};
  return {
    operation: attr(attrs, "operation") ?? "equals",
    version: own(decodeText(match[2].trim(), "an OVAL state"))
  };
}
function readGeneratorTimestamp(generator) {
  const value = /<(?:[\w.-]+:)?timestamp\b[^>]*>([^<]+)</.exec(generator)?.[1]?.trim();
  return value === void 0 ? void 0 : own(value);
}

// packages/core/src/cve/oval-stream.ts
import { createReadStream as createReadStream4 } from "node:fs";
var ovalSections = ["definitions", "tests", "objects", "states", "variables"];
var DEFAULT_MAX_ELEMENT = 16 * 1024 * 1024;
async function scanOval(path, label, visit, options = {}) {
  const maxElement = options.maxElementBytes ?? DEFAULT_MAX_ELEMENT;
  const bad2 = (what) => new ConfigurationError(`Expected ${label} to be an OVAL definitions document, ${what}`);
  let buf = "";
  let base = 0;
  let pos = 0;
  let depth = 0;
  let section;
  let captureStart = -1;
  let captureKind;
  let captureName = "";
  let captureQName = "";
  let captureId = "";
  let sawRoot = false;
  let ended = false;
  const handleTag = (tag, start, end) => {
    if (tag.startsWith("</")) {
      depth--;
      if (depth < 0) throw bad2("found an end tag without a start tag");
      if (captureKind === "element" && depth === 2) {
        emitCapture(end);
      } else if (captureKind === "generator" && depth === 1) {
        visit({ type: "generator", text: buf.slice(captureStart, end) });
        captureKind = void 0;
        captureStart = -1;
      } else if (depth === 1 && section !== void 0) {
        visit({ type: "section-close", section, text: tag });
        section = void 0;
      } else if (depth === 0) {
        visit({ type: "root-close", text: tag });
        ended = true;
      }
      return;
    }
    const selfClosing = tag.endsWith("/>");
    const qname = /^<([^\s/>]+)/.exec(tag)?.[1] ?? "";
    const localName = qname.slice(qname.indexOf(":") + 1);
    if (depth === 0) {
      if (sawRoot) throw bad2("found a second root element");
      if (localName !== "oval_definitions") {
        throw bad2(`found the root element \`${sanitizeForDisplay(qname, 60)}\``);
      }
      sawRoot = true;
      visit({ type: "root", text: tag });
    } else if (depth === 1) {
      if (localName === "generator") {
        captureKind = "generator";
        captureStart = start;
        if (selfClosing) throw bad2("found an empty generator");
      } else if (ovalSections.includes(localName)) {
        section = localName;
        visit({ type: "section-open", section, text: tag });
        if (selfClosing) {
          visit({ type: "section-close", section, text: "" });
          section = void 0;
        }
      }
    } else if (depth === 2 && section !== void 0 && captureKind === void 0) {
      captureKind = "element";
      captureStart = start;
      captureName = localName;
      captureQName = qname;
      captureId = /\sid="([^"]*)"/.exec(tag)?.[1] ?? "";
      if (selfClosing) {
        emitCapture(end);
        return;
      }
    }
    if (!selfClosing) depth++;
  };
  const emitCapture = (end) => {
    if (section === void 0) return;
    visit({
      type: "element",
      section,
      localName: captureName,
      id: captureId,
      text: buf.slice(captureStart, end),
      start: base + captureStart,
      end: base + end
    });
    captureKind = void 0;
    captureStart = -1;
  };
  const drain = () => {
    for (; ; ) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) {
        pos = buf.length;
        return;
      }
      pos = lt;
      let end;
      if (buf.startsWith("<!--", lt)) {
        end = buf.indexOf("-->", lt + 4);
        if (end < 0) return;
        pos = end + 3;
        continue;
      }
      if (buf.startsWith("<![CDATA[", lt)) {
        end = buf.indexOf("]]>", lt + 9);
        if (end < 0) return;
        pos = end + 3;
        continue;
      }
      if (buf.startsWith("<?", lt)) {
        end = buf.indexOf("?>", lt + 2);
        if (end < 0) return;
        pos = end + 2;
        continue;
      }
      if (buf.startsWith("<!", lt)) {
        if (buf.length - lt < 9) return;
        throw bad2("found a DOCTYPE or entity declaration (not allowed)");
      }
      end = tagEnd(buf, lt + 1);
      if (end < 0) return;
      if (ended) throw bad2("found content after the root element");
      handleTag(buf.slice(lt, end + 1), lt, end + 1);
      pos = end + 1;
      if (captureKind === "element" && depth === 3) {
        const skipped2 = skipToEnd();
        if (skipped2 === "incomplete") return;
      }
    }
  };
  const skipToEnd = () => {
    const close = `</${captureQName}`;
    let at = buf.indexOf(close, pos);
    for (; ; ) {
      if (at < 0) return "incomplete";
      const next = buf.charCodeAt(at + close.length);
      if (Number.isNaN(next)) return "incomplete";
      if (next === 62 || next === 32 || next === 9 || next === 10 || next === 13) break;
      at = buf.indexOf(close, at + 1);
    }
    const gt = buf.indexOf(">", at);
    if (gt < 0) return "incomplete";
    const inner = buf.slice(pos, at);
    if (inner.includes("<!") || inner.includes("<?") || nestsSame(inner, captureQName))
      return "slow";
    depth--;
    emitCapture(gt + 1);
    pos = gt + 1;
    return "done";
  };
  const stream = createReadStream4(path, { encoding: "latin1", highWaterMark: 1024 * 1024 });
  const onAbort = () => {
    stream.destroy(new Error("aborted"));
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      const keepFrom = captureStart >= 0 ? captureStart : pos;
      buf = buf.slice(keepFrom) + chunk;
      base += keepFrom;
      pos -= keepFrom;
      if (captureStart >= 0) captureStart = 0;
      if (buf.length > maxElement) {
        throw new LimitExceededError(
          `An element of ${label} is larger than ${maxElement} bytes`,
          "maxElementBytes"
        );
      }
      drain();
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  if (!sawRoot) throw bad2("found no root element");
  if (!ended) throw bad2("but it is truncated (the root element is not closed)");
}
function tagEnd(buf, from) {
  const gt = buf.indexOf(">", from);
  if (gt < 0) return -1;
  const tag = buf.slice(from, gt);
  let quotes = 0;
  for (let q = tag.indexOf('"'); q >= 0; q = tag.indexOf('"', q + 1)) quotes++;
  if (quotes % 2 === 0 && !tag.includes("'")) return gt;
  let quote = "";
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (quote !== "") {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i;
    }
  }
  return -1;
}
function nestsSame(inner, qname) {
  const open10 = `<${qname}`;
  for (let at = inner.indexOf(open10); at >= 0; at = inner.indexOf(open10, at + 1)) {
    const next = inner.charCodeAt(at + open10.length);
    if (Number.isNaN(next) || next === 62 || next === 47 || next <= 32) return true;
  }
  return false;
}

// packages/core/src/cve/prefilter.ts
async function prefilterFeed(options) {
  const criteria = /* @__PURE__ */ new Map();
  const tests = /* @__PURE__ */ new Map();
  const packageObjects = /* @__PURE__ */ new Map();
  const layout = { root: "", generator: "", sections: /* @__PURE__ */ new Map(), ranges: /* @__PURE__ */ new Map() };
  let generatorTimestamp;
  await scanOval(
    options.feedPath,
    options.label,
    (event) => {
      switch (event.type) {
        case "root":
          layout.root = own(event.text);
          return;
        case "generator":
          layout.generator = own(event.text);
          generatorTimestamp = readGeneratorTimestamp(event.text);
          return;
        case "section-open":
          layout.sections.set(event.section, own(event.text));
          return;
        case "element":
          break;
        default:
          return;
      }
      if (event.id === "") return;
      const id = own(event.id);
      layout.ranges.set(id, { section: event.section, start: event.start, end: event.end });
      if (event.section === "definitions") criteria.set(id, readCriteria(event.text));
      else if (event.section === "tests") {
        const test = readTestObject(event.text);
        if (test !== void 0) tests.set(id, test);
      } else if (event.section === "objects" && mayNamePackage(event.localName)) {
        const object = readObject(event.localName, event.text);
        if (object.packageName !== void 0) packageObjects.set(id, object);
      }
    },
    options.signal === void 0 ? {} : { signal: options.signal }
  );
  const testTruth = (id) => {
    const test = tests.get(id);
    if (test === void 0 || !test.absentMeansFalse) return "unknown";
    const object = packageObjects.get(test.objectRef);
    if (object?.packageName === void 0 || object.packageKind === void 0) return "unknown";
    const names = options.installed[object.packageKind];
    if (names === void 0) return "unknown";
    return names.has(object.packageName) ? "unknown" : "false";
  };
  const kept = [];
  for (const [id, tree] of criteria) {
    if (tree === void 0 || evaluate(tree, testTruth) !== "false") kept.push(id);
  }
  const closed = await closeOverReferences(options.feedPath, layout, kept, criteria);
  await writeFiltered(options.outputPath, layout, closed.texts);
  const definitions = /* @__PURE__ */ new Map();
  for (const [id, bytes] of closed.texts) {
    if (layout.ranges.get(id)?.section === "definitions")
      definitions.set(id, bytes.toString("utf8"));
  }
  return {
    totalDefinitions: criteria.size,
    keptDefinitions: definitions.size,
    ...generatorTimestamp === void 0 ? {} : { generatorTimestamp },
    definitions,
    criteria: new Map([...definitions.keys()].map((id) => [id, criteria.get(id)])),
    tests: closed.tests,
    objects: closed.objects,
    states: closed.states
  };
}
var absentMeansFalse = /* @__PURE__ */ new Set(["at_least_one_exists", "only_one_exists", "all_exist"]);
function readTestObject(text3) {
  const at = text3.indexOf('object_ref="');
  if (at < 0) return void 0;
  const start = at + 'object_ref="'.length;
  const tagEnd2 = text3.indexOf(">");
  const existence = /\scheck_existence="([^"]*)"/.exec(text3.slice(0, tagEnd2))?.[1];
  return {
    objectRef: own(text3.slice(start, text3.indexOf('"', start))),
    absentMeansFalse: absentMeansFalse.has(existence ?? "at_least_one_exists")
  };
}
function mayNamePackage(localName) {
  return localName === "dpkginfo_object" || localName === "rpminfo_object" || localName === "textfilecontent54_object";
}
async function closeOverReferences(feedPath, layout, kept, criteria) {
  const texts = /* @__PURE__ */ new Map();
  const tests = /* @__PURE__ */ new Map();
  const objects = /* @__PURE__ */ new Map();
  const states = /* @__PURE__ */ new Map();
  const input = await open9(feedPath, "r");
  try {
    const queue = [...kept];
    while (queue.length > 0) {
      const id = queue.pop();
      const where = layout.ranges.get(id);
      if (texts.has(id) || where === void 0) continue;
      const bytes = Buffer.alloc(where.end - where.start);
      await input.read(bytes, 0, bytes.length, where.start);
      texts.set(id, bytes);
      if (where.section === "definitions") {
        const tree = criteria.get(id);
        if (tree !== void 0) queue.push(...criteriaRefs(tree));
        continue;
      }
      const text3 = bytes.toString("latin1");
      queue.push(...referencedIds(text3, id));
      const localName = /^<(?:[\w.-]+:)?([\w.-]+)/.exec(text3)?.[1] ?? "";
      if (where.section === "tests") tests.set(id, readTest(localName, text3));
      else if (where.section === "objects") objects.set(id, readObject(localName, text3));
      else if (where.section === "states") states.set(id, readState(text3));
    }
  } finally {
    await input.close();
  }
  return { texts, tests, objects, states };
}
async function writeFiltered(outputPath, layout, texts) {
  const output = await open9(outputPath, "w", 384);
  try {
    const latin1 = (text3) => Buffer.from(text3, "latin1");
    await output.write(
      Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n'),
        latin1(`${layout.root}
${layout.generator}
`)
      ])
    );
    for (const section of ovalSections) {
      const kept = [...texts.keys()].map((id) => ({ id, where: layout.ranges.get(id) })).filter((e) => e.where?.section === section).sort((a, b) => (a.where?.start ?? 0) - (b.where?.start ?? 0));
      if (kept.length === 0) continue;
      const closing = /^<([^\s/>]+)/.exec(layout.sections.get(section) ?? "")?.[1] ?? section;
      const parts = [latin1(`${layout.sections.get(section) ?? `<${section}>`}
`)];
      for (const { id } of kept) parts.push(texts.get(id), Buffer.from("\n"));
      parts.push(Buffer.from(`</${closing}>
`));
      await output.write(Buffer.concat(parts));
    }
    const rootName = /^<([^\s/>]+)/.exec(layout.root)?.[1] ?? "oval_definitions";
    await output.write(Buffer.from(`</${rootName}>
`));
  } finally {
    await output.close();
  }
}
function criteriaRefs(node) {
  if (node.kind === "criterion") return [node.testRef];
  if (node.kind === "extend") return [node.definitionRef];
  return node.children.flatMap(criteriaRefs);
}
function evaluate(node, test) {
  let value;
  if (node.kind === "criterion") value = test(node.testRef);
  else if (node.kind === "extend") value = "unknown";
  else
    value = combine(
      node.operator,
      node.children.map((child2) => evaluate(child2, test))
    );
  if (!node.negate || value === "unknown") return value;
  return value === "true" ? "false" : "true";
}
function combine(operator, values) {
  const trues = values.filter((v) => v === "true").length;
  const falses = values.filter((v) => v === "false").length;
  const unknowns = values.length - trues - falses;
  switch (operator) {
    case "AND":
      return falses > 0 ? "false" : unknowns > 0 ? "unknown" : "true";
    case "OR":
      return trues > 0 ? "true" : unknowns > 0 ? "unknown" : "false";
    case "ONE":
      if (trues > 1) return "false";
      return unknowns > 0 ? "unknown" : trues === 1 ? "true" : "false";
    case "XOR":
      return unknowns > 0 ? "unknown" : trues % 2 === 1 ? "true" : "false";
    default:
      return "unknown";
  }
}

// packages/core/src/cve/run-oval.ts
import { mkdtemp as mkdtemp6, readFile as readFile10, rename as rename5, rm as rm9, writeFile as writeFile6 } from "node:fs/promises";
import { join as join20 } from "node:path";
var DIRECTIVES = `<?xml version="1.0" encoding="UTF-8"?>
<oval_directives xmlns="http://oval.mitre.org/XMLSchema/oval-directives-5" xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5" xmlns:oval-res="http://oval.mitre.org/XMLSchema/oval-results-5">
  <generator><oval:schema_version>5.11.1</oval:schema_version><oval:timestamp>2026-01-01T00:00:00</oval:timestamp></generator>
  <directives>
    <oval-res:definition_true reported="true" content="full"/>
    <oval-res:definition_false reported="false" content="thin"/>
    <oval-res:definition_unknown reported="true" content="thin"/>
    <oval-res:definition_error reported="true" content="thin"/>
    <oval-res:definition_not_evaluated reported="false" content="thin"/>
    <oval-res:definition_not_applicable reported="false" content="thin"/>
  </directives>
</oval_directives>
`;
var RESULT_LINE = /^Definition (oval:[A-Za-z0-9_.-]+:def:\d+): (true|false|error|unknown|not evaluated|not applicable)$/;
async function runOvalEval(options) {
  const work = await mkdtemp6(join20(options.outDir, ".scapgate-oval-"));
  try {
    return await evaluateIn(work, options);
  } finally {
    await rm9(work, { recursive: true, force: true });
  }
}
async function evaluateIn(work, options) {
  const sandboxOut = await mkdtemp6(join20(work, "out-"));
  await writeFile6(join20(sandboxOut, "directives.xml"), DIRECTIVES);
  let root = options.root;
  let feedPath = options.feedPath;
  if (options.mode === "manifest") {
    root = await mkdtemp6(join20(work, "manifest-root-"));
    await writeFile6(join20(root, "manifest"), options.manifest ?? "");
    feedPath = join20(work, "feed.manifest.xml");
    const text3 = await readFile10(options.feedPath, "utf8");
    await writeFile6(
      feedPath,
      text3.replace(/(<(?:[\w.-]+:)?path\b[^>]*>)\.(<\/(?:[\w.-]+:)?path>)/g, "$1/$2")
    );
  }
  const oscap = [
    options.scanner.oscapPath,
    "oval",
    "eval",
    ...options.resultsFileName === void 0 ? [] : [
      "--directives",
      `${SANDBOX_PATHS.out}/directives.xml`,
      "--results",
      `${SANDBOX_PATHS.out}/results.xml`
    ],
    SANDBOX_PATHS.content
  ];
  const command = oscap;
  options.logger.debug(`oscap (sandboxed): ${command.join(" ")}`);
  const result = await runInSandbox({
    command,
    workDir: work,
    outDir: sandboxOut,
    root,
    rpmDbPath: await rpmDbPath(root),
    containerVars: options.imageEnv,
    target: options.target,
    inputFile: feedPath,
    timeoutMs: options.timeoutMs,
    // One line per definition: a full feed prints ~2 MB.
    maxOutputBytes: 64 * 1024 * 1024,
    ...options.signal === void 0 ? {} : { signal: options.signal }
  });
  const diagnostics = checkOscapRun(result, { label: "oscap oval eval", okExitCodes: [0] });
  const results = /* @__PURE__ */ new Map();
  for (const line of result.stdout.split("\n")) {
    const match = RESULT_LINE.exec(line.trim());
    if (match) results.set(match[1], match[2]);
  }
  let resultsPath;
  if (options.resultsFileName !== void 0) {
    resultsPath = join20(options.outDir, options.resultsFileName);
    await rename5(join20(sandboxOut, "results.xml"), resultsPath).catch(() => {
      resultsPath = void 0;
    });
  }
  return {
    results,
    ...resultsPath === void 0 ? {} : { resultsPath },
    durationSeconds: result.durationSeconds,
    warnings: diagnostics.warnings
  };
}
async function listRpmPackages(options) {
  const work = await mkdtemp6(join20(options.outDir, ".scapgate-rpm-"));
  try {
    const sandboxOut = await mkdtemp6(join20(work, "out-"));
    const dbpath = await rpmDbPath(options.root);
    const result = await runInSandbox({
      command: [
        "/usr/bin/rpm",
        "--root",
        SANDBOX_PATHS.scanRoot,
        "--dbpath",
        dbpath,
        "-qa",
        "--qf",
        "%{NAME}\\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\n"
      ],
      workDir: work,
      outDir: sandboxOut,
      root: options.root,
      rpmDbPath: dbpath,
      timeoutMs: options.timeoutMs,
      ...options.signal === void 0 ? {} : { signal: options.signal }
    }).catch(() => void 0);
    if (result === void 0 || result.exitCode !== 0) return void 0;
    const packages = /* @__PURE__ */ new Map();
    for (const line of result.stdout.split("\n")) {
      const [name, evr] = line.split("	");
      if (name && evr) packages.set(name, evr);
    }
    return packages.size === 0 ? void 0 : packages;
  } finally {
    await rm9(work, { recursive: true, force: true });
  }
}

// packages/core/src/cve/scan-cves.ts
var CVE_RESULTS_FILE = "cve-oval-results.xml";
async function scanCves(options) {
  const { logger } = options;
  const selected = options.feed === void 0 ? selectFeed(options.os) : void 0;
  const distribution = selected?.distribution ?? distributionOf(options.os) ?? "unknown";
  const work = await mkdtemp7(join21(options.workDir, "cve-"));
  const feed = await fetchFeed({
    source: options.feed ?? selected?.url,
    ...selected?.checksums === void 0 ? {} : { checksums: selected.checksums },
    ...options.feedCache === void 0 ? {} : { cacheDir: options.feedCache },
    workDir: work,
    logger,
    ...options.signal === void 0 ? {} : { signal: options.signal },
    ...options.fetch === void 0 ? {} : { fetch: options.fetch }
  });
  logger.info(`CVE feed ${feed.source} (sha256 ${feed.sha256.slice(0, 12)}\u2026, ${feed.origin})`);
  const dpkg = await readDpkgPackages(options.root);
  const rpm = distribution === "rhel" || dpkg === void 0 && distribution === "unknown" ? await listRpmPackages({
    root: options.root,
    outDir: work,
    timeoutMs: 12e4,
    ...options.signal === void 0 ? {} : { signal: options.signal }
  }) : void 0;
  const dpkgVersions = dpkg === void 0 ? void 0 : new Map(dpkg.map((p) => [p.name, p.version]));
  const started = process.hrtime.bigint();
  const filteredPath = join21(work, "feed.filtered.xml");
  const filtered = await prefilterFeed({
    feedPath: feed.xmlPath,
    label: `the CVE feed ${feed.source}`,
    outputPath: filteredPath,
    installed: options.fullFeed === true ? {} : {
      ...dpkgVersions === void 0 ? {} : { dpkg: new Set(dpkgVersions.keys()) },
      ...rpm === void 0 ? {} : { rpm: new Set(rpm.keys()) }
    },
    ...options.signal === void 0 ? {} : { signal: options.signal }
  });
  const prefilterSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  logger.debug(
    `CVE feed: ${filtered.keptDefinitions} of ${filtered.totalDefinitions} definitions can concern the image (${prefilterSeconds.toFixed(2)} s)`
  );
  const usesManifest = [...filtered.objects.values()].some(
    (o) => o.localName === "textfilecontent54_object" && o.packageName !== void 0
  );
  const run3 = filtered.keptDefinitions === 0 ? { results: /* @__PURE__ */ new Map(), durationSeconds: 0 } : await runOvalEval({
    root: options.root,
    feedPath: options.fullFeed === true ? feed.xmlPath : filteredPath,
    mode: usesManifest ? "manifest" : "probe-root",
    manifest: ubuntuManifest(dpkg ?? []),
    outDir: options.outDir,
    resultsFileName: CVE_RESULTS_FILE,
    scanner: options.scanner,
    imageEnv: options.imageEnv,
    target: options.target,
    timeoutMs: options.timeoutMs,
    logger,
    ...options.signal === void 0 ? {} : { signal: options.signal }
  });
  const trueIds = [...run3.results].filter(([, r]) => r === "true").map(([id]) => id).sort();
  const unverified = [...run3.results].filter(([, r]) => r === "error" || r === "unknown").map(([id]) => id).sort();
  const findings = buildFindings(trueIds, filtered, {
    ...dpkgVersions === void 0 ? {} : { dpkg: dpkgVersions },
    ...rpm === void 0 ? {} : { rpm }
  });
  const now = options.now ?? /* @__PURE__ */ new Date();
  const generated = filtered.generatorTimestamp === void 0 ? void 0 : new Date(filtered.generatorTimestamp);
  const ageDays = generated === void 0 || Number.isNaN(generated.getTime()) ? void 0 : Math.max(0, Math.floor((now.getTime() - generated.getTime()) / 864e5));
  const stale = options.maxFeedAgeDays !== void 0 && (ageDays === void 0 || ageDays > options.maxFeedAgeDays);
  if (stale) {
    logger.warning(
      ageDays === void 0 ? `The CVE feed ${feed.source} has no generation timestamp; its freshness cannot be checked (max-feed-age ${options.maxFeedAgeDays} days)` : `The CVE feed ${feed.source} is ${ageDays} days old, older than max-feed-age ${options.maxFeedAgeDays} days: recent CVEs may be missing`
    );
  }
  return {
    feed: {
      source: feed.source,
      sha256: feed.sha256,
      origin: feed.origin,
      ...filtered.generatorTimestamp === void 0 ? {} : { generatedAt: filtered.generatorTimestamp },
      ...ageDays === void 0 ? {} : { ageDays },
      stale
    },
    distribution,
    definitions: {
      total: filtered.totalDefinitions,
      evaluated: run3.results.size,
      true: trueIds.length,
      unverified: unverified.length
    },
    unverifiedDefinitions: unverified,
    durationSeconds: { prefilter: round(prefilterSeconds), oscap: round(run3.durationSeconds) },
    findings
  };
}
function round(seconds) {
  return Math.round(seconds * 1e3) / 1e3;
}

// packages/core/src/cve/pipeline-step.ts
function resolveCveSettings(flags, policy, now) {
  if (flags?.enabled !== true && policy?.enabled !== true) {
    const stray = flags === void 0 ? void 0 : givenFlags(flags)[0];
    if (stray !== void 0) {
      throw new ConfigurationError(
        `Expected \`${stray}\` only with \`--cves\` or \`cves: {enabled: true}\` in the policy, got neither`
      );
    }
    return void 0;
  }
  return {
    ...flags?.feed === void 0 ? {} : { feed: flags.feed },
    ...flags?.feedCache === void 0 ? {} : { feedCache: flags.feedCache },
    policy: { ...defaultCvePolicy, ...policy, ...flags?.policy, enabled: true },
    ...flags?.fetch === void 0 ? {} : { fetch: flags.fetch },
    ...now === void 0 ? {} : { now }
  };
}
function givenFlags(flags) {
  const named = [
    [flags.feed, "--feed"],
    [flags.feedCache, "--feed-cache"],
    [flags.policy.failOn, "--cve-fail-on"],
    [flags.policy.ignoreUnfixed, "--ignore-unfixed"],
    [flags.policy.maxFeedAgeDays, "--max-feed-age"]
  ];
  return named.filter(([value]) => value !== void 0).map(([, flag]) => flag);
}
async function runCveStep(options, prepared, workDir, verdict, summaryMarkdown) {
  const started = /* @__PURE__ */ new Date();
  options.progress.phase("scanning", "known vulnerabilities");
  const scanner = await preflightScanner({ oscapPath: options.environment.oscapPath, workDir });
  const { policy } = options.cves;
  const report2 = await scanCves({
    root: prepared.root,
    os: prepared.os,
    ...options.cves.feed === void 0 ? {} : { feed: options.cves.feed },
    ...options.cves.feedCache === void 0 ? {} : { feedCache: options.cves.feedCache },
    maxFeedAgeDays: policy.maxFeedAgeDays,
    workDir,
    outDir: options.outDir,
    scanner,
    imageEnv: prepared.image.config.env,
    target: prepared.image.reference.raw,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
    ...options.signal === void 0 ? {} : { signal: options.signal },
    ...options.cves.fetch === void 0 ? {} : { fetch: options.cves.fetch },
    ...options.cves.now === void 0 ? {} : { now: options.cves.now }
  });
  const gate = evaluateCveGate(report2, policy, options.cves.now ?? /* @__PURE__ */ new Date());
  const os = prepared.os;
  const kind = report2.distribution === "rhel" ? "rpm" : "dpkg";
  const fallback = await sarifLocation(options, prepared.image.reference.path);
  const dockerfile = await loadDockerfile(options.dockerfile, options.cwd, options.logger);
  const blame = await blameImagePackages({
    packages: [...new Map(report2.findings.map((f) => [f.package, f.installedVersion])).entries()].map(
      ([name, version]) => ({ name, kind, ...version === void 0 ? {} : { version } })
    ),
    image: prepared.image,
    applied: prepared.layers,
    ...dockerfile === void 0 ? {} : { dockerfile },
    fallback,
    logger: options.logger,
    ...options.signal === void 0 ? {} : { signal: options.signal }
  });
  const section = await writeCveOutputs({
    outDir: options.outDir,
    report: report2,
    gate,
    locate: (finding) => {
      const where = blame.get(finding.package);
      return where === void 0 ? fallback : { ...where.location, cause: where.cause };
    },
    gitlab: {
      image: prepared.image.names.find((name) => /:[^/:]+$/.test(name)) ?? "scanned-image:latest",
      operatingSystem: [os?.id ?? "unknown", os?.versionId].filter(Boolean).join(" "),
      toolVersion: options.toolVersion,
      startTime: started,
      endTime: /* @__PURE__ */ new Date()
    }
  });
  const merged = gate.status === "pass" ? verdict : {
    ...verdict,
    status: "fail",
    reasons: [...verdict.reasons, ...gate.reasons],
    summary: `${verdict.summary} CVE gate failed: ${gate.reasons.map((r) => r.message).join(" ")}`
  };
  return {
    verdict: merged,
    summaryMarkdown: `${failHeading(summaryMarkdown, gate.status).trimEnd()}

${section}`,
    report: report2
  };
}

// packages/core/src/pipeline/scan-image.ts
function throwIfAborted2(signal) {
  if (signal?.aborted === true) throw new CancelledError();
}
async function scanImage(options) {
  const { logger, signal } = options;
  const progress = timePhases(options.progress, logger);
  options = { ...options, progress };
  await mkdir9(options.outDir, { recursive: true });
  const work = await createWorkDir(options.environment.tmpDir);
  let rootRemoval;
  let reportsSettled;
  try {
    await preflightScanner({ oscapPath: options.environment.oscapPath, workDir: work.path });
    const prepared = await prepareRoot2(options, work.path);
    try {
      throwIfAborted2(signal);
      const baseline = await chooseBaseline(options, prepared);
      throwIfAborted2(signal);
      progress.phase("scanning", `${baseline.profile.id.replace(/^.*_profile_/, "")} profile`);
      const scan = await runContainedScan(options, prepared, baseline, work.path);
      await copyFile(scan.arfPath, join22(options.outDir, "arf.xml"));
      if (options.cves === void 0) rootRemoval = removeTree2(prepared.root).catch(() => void 0);
      throwIfAborted2(signal);
      progress.phase("reporting");
      const rendered = await renderOutputs(options, prepared, baseline, scan);
      reportsSettled = rendered.settled;
      let verdict = options.evaluate === void 0 ? evaluateGate(rendered.results, { failOn: options.failOn }) : await options.evaluate(rendered.results, { contentRuleIds: rendered.contentRuleIds });
      let summaryMarkdown = await rendered.write(verdict);
      if (options.cves !== void 0) {
        const cve = await runCveStep(
          { ...options, cves: options.cves },
          prepared,
          work.path,
          verdict,
          summaryMarkdown
        );
        ({ verdict, summaryMarkdown } = cve);
      }
      logger.debug(`outputs written to ${options.outDir}`);
      progress.finish();
      return { results: rendered.results, verdict, outDir: options.outDir, summaryMarkdown };
    } finally {
      await prepared.image.close();
    }
  } catch (error) {
    await writeFile7(
      join22(options.outDir, "summary.md"),
      `# scapgate: scan did not complete

${options.image}: ${error instanceof Error ? error.message : String(error)}
`
    ).catch(() => {
    });
    throw error;
  } finally {
    await reportsSettled;
    await rootRemoval;
    await work.dispose();
  }
}

// packages/core/src/scan/versions.ts
import { execFile as execFile5 } from "node:child_process";
import { promisify } from "node:util";
import { join as join23 } from "node:path";
var run = promisify(execFile5);
async function describeToolVersions(options = {}) {
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR;
  let oscap;
  try {
    const { stdout } = await run(options.oscapPath ?? "oscap", ["--version"], {
      timeout: 1e4,
      env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" }
    });
    oscap = /command line tool \(oscap\) (\S+)/.exec(stdout)?.[1];
  } catch {
    oscap = void 0;
  }
  let contentVersion;
  let dataStreams = 0;
  try {
    const streams = await listDataStreams(contentDir);
    dataStreams = streams.length;
    const first = streams[0];
    if (first !== void 0)
      contentVersion = (await readContentInfo(join23(contentDir, first))).benchmarkVersion;
  } catch {
    contentVersion = void 0;
  }
  return { oscap, contentDir, contentVersion, dataStreams };
}

// packages/core/src/image/source-settings.ts
import { join as join24 } from "node:path";
var hostPort = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:]+\](?::\d{1,5})?$/;
var podmanVariables = [
  "PATH",
  "HOME",
  "XDG_RUNTIME_DIR",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "CONTAINERS_CONF",
  "CONTAINERS_STORAGE_CONF",
  "CONTAINERS_REGISTRIES_CONF",
  "TMPDIR"
];
function pick(env, names) {
  const picked = {};
  for (const name of names) {
    const value = env[name];
    if (value !== void 0 && value !== "") picked[name] = value;
  }
  return picked;
}
function sourceSettings(flags, env) {
  const username = flags.username ?? env.SCAPGATE_REGISTRY_USERNAME;
  const password = flags.password ?? env.SCAPGATE_REGISTRY_PASSWORD;
  if ((username === void 0 || username === "") !== (password === void 0 || password === "")) {
    throw new ConfigurationError(
      username ? "Expected a registry password with the username (--password-stdin or SCAPGATE_REGISTRY_PASSWORD), got none" : "Expected a registry username with the password (--username or SCAPGATE_REGISTRY_USERNAME), got none"
    );
  }
  for (const host of flags.insecureRegistries ?? []) {
    if (!hostPort.test(host))
      throw new ConfigurationError(
        `Expected \`--insecure-registry\` to be HOST[:PORT], got \`${host.slice(0, 100)}\``
      );
  }
  const registry = {
    helperEnv: pick(env, ["PATH", "HOME"])
  };
  if (flags.caFile) registry.caFile = flags.caFile;
  if (flags.insecureRegistries?.length) registry.insecureRegistries = flags.insecureRegistries;
  const cacheDir = flags.cacheDir ?? env.SCAPGATE_CACHE_DIR;
  if (cacheDir) registry.cacheDir = cacheDir;
  if (username && password) registry.credentials = { username, password };
  if (env.REGISTRY_AUTH_FILE) registry.authFile = env.REGISTRY_AUTH_FILE;
  const configDir = env.DOCKER_CONFIG || (env.HOME ? join24(env.HOME, ".docker") : void 0);
  if (configDir) registry.dockerConfigDir = configDir;
  const daemon = { podmanEnv: pick(env, podmanVariables) };
  if (env.DOCKER_HOST) daemon.dockerHost = env.DOCKER_HOST;
  return { registry, daemon };
}

// packages/core/src/gate/aggregate.ts
function aggregateStatus(images) {
  if (images.some((i) => i.verdict === void 0)) return "incomplete";
  return images.every((i) => i.verdict?.status === "pass") ? "pass" : "fail";
}
var headings = {
  pass: "\u2705 Compliance gate passed",
  fail: "\u274C Compliance gate failed",
  incomplete: "\u26A0\uFE0F Compliance gate failed: not every image could be scanned"
};
function renderAggregateSummary(images) {
  const status = aggregateStatus(images);
  const failed = images.filter((i) => i.verdict?.status === "fail").length;
  const broken = images.filter((i) => i.verdict === void 0).length;
  const lines2 = [
    `## ${headings[status]}`,
    "",
    `${images.length} images: ${images.length - failed - broken} passed, ${failed} failed, ${broken} not scanned.`,
    "",
    "| Image | Verdict | Score | Failing | Waived | Details |",
    "| --- | --- | ---: | ---: | ---: | --- |"
  ];
  for (const i of images) {
    const name = escapeMarkdownCode(i.image).replace(/\|/g, "\\|");
    if (i.verdict === void 0) {
      lines2.push(
        `| ${name} | \u26A0\uFE0F not scanned | | | | ${escapeMarkdown(truncate(getErrorMessage(i.error), 300))} |`
      );
      continue;
    }
    const v = i.verdict;
    lines2.push(
      `| ${name} | ${v.status === "pass" ? "\u2705 passed" : "\u274C failed"} | ${i.score?.toFixed(2) ?? ""} | ${v.counts.failing + v.counts.unverified} | ${v.counts.waived} | ${escapeMarkdownCode(`${i.slug}/summary.md`)}${i.cached === true ? " (cached scan)" : ""} |`
    );
  }
  lines2.push("");
  for (const i of images) {
    if (i.verdict === void 0 || i.verdict.reasons.length === 0) continue;
    lines2.push(`### ${escapeMarkdown(i.image)}`, "");
    for (const reason of i.verdict.reasons.slice(0, 20))
      lines2.push(`- ${escapeMarkdown(reason.message)}`);
    lines2.push("");
  }
  return `${truncate(lines2.join("\n"), 6e4)}
`;
}

// packages/core/src/policy/parse-policy.ts
var import_yaml2 = __toESM(require_dist(), 1);

// packages/core/src/policy/yaml-reader.ts
var import_yaml = __toESM(require_dist(), 1);
function lineOf(at) {
  const offset = at.node?.range?.[0];
  return offset === void 0 ? at.keyLine : at.ctx.lines.linePos(offset).line;
}
function fail(at, detail) {
  throw new PolicyError(at.ctx.file, lineOf(at), at.path, detail);
}
function describe4(node) {
  if (node === null) return "nothing";
  if ((0, import_yaml.isMap)(node)) return "a mapping";
  if ((0, import_yaml.isSeq)(node)) return "a list";
  if ((0, import_yaml.isScalar)(node)) {
    const value = node.value;
    if (value === null) return "nothing (null)";
    return `\`${sanitizeForDisplay(String(value), 80)}\` (${typeof value})`;
  }
  return "an unsupported node";
}
function checkPlain(at) {
  if (at.node !== null && (0, import_yaml.isAlias)(at.node))
    fail(at, "expected a value, got a YAML alias (aliases are not supported)");
  if (at.node !== null && at.node.tag !== void 0 && !(0, import_yaml.isMap)(at.node) && !(0, import_yaml.isSeq)(at.node) && !(0, import_yaml.isScalar)(at.node)) {
    fail(at, "expected a plain value");
  }
}
function readMap(at, known) {
  checkPlain(at);
  if (at.node === null || !(0, import_yaml.isMap)(at.node)) fail(at, `expected a mapping, got ${describe4(at.node)}`);
  const entries = /* @__PURE__ */ new Map();
  for (const pair of at.node.items) {
    const key = pair.key;
    const keyAt = { node: key, path: at.path, ctx: at.ctx, keyLine: lineOf(at) };
    if (key === null || !(0, import_yaml.isScalar)(key) || typeof key.value !== "string") {
      fail(keyAt, `expected a key that is a string, got ${describe4(key)}`);
    }
    const name = key.value;
    const path = at.path === "" ? name : `${at.path}.${name}`;
    if (!known.includes(name)) {
      fail({ ...keyAt, path }, `unknown key; expected one of ${known.join(", ")}`);
    }
    entries.set(name, { node: pair.value, path, ctx: at.ctx, keyLine: lineOf(keyAt) });
  }
  return entries;
}
function readList(at) {
  checkPlain(at);
  if (at.node === null || !(0, import_yaml.isSeq)(at.node)) fail(at, `expected a list, got ${describe4(at.node)}`);
  return at.node.items.map((item, index) => ({
    node: item,
    path: `${at.path}[${index}]`,
    ctx: at.ctx,
    keyLine: lineOf(at)
  }));
}
function scalarValue(at) {
  checkPlain(at);
  if (at.node === null || !(0, import_yaml.isScalar)(at.node)) return void 0;
  return at.node.value;
}
function readString(at) {
  const value = scalarValue(at);
  if (typeof value !== "string" || value.trim() === "") {
    fail(at, `expected a non-empty string, got ${describe4(at.node)}`);
  }
  return value;
}
function readStrings(at) {
  if (at.node !== null && (0, import_yaml.isSeq)(at.node)) {
    const items = readList(at).map(readString);
    if (items.length === 0) fail(at, "expected at least one string, got an empty list");
    return items;
  }
  return [readString(at)];
}
function readNumber(at, min, max, integer) {
  const value = scalarValue(at);
  const kind = integer ? "a whole number" : "a number";
  if (typeof value !== "number" || !Number.isFinite(value) || integer && !Number.isInteger(value) || value < min || value > max) {
    fail(at, `expected ${kind} from ${min} to ${max}, got ${describe4(at.node)}`);
  }
  return value;
}
function readEnum(at, choices) {
  const value = scalarValue(at);
  if (typeof value !== "string" || !choices.includes(value)) {
    fail(at, `expected one of ${choices.join("|")}, got ${describe4(at.node)}`);
  }
  return value;
}
function readDate(at) {
  const value = scalarValue(at);
  const text3 = typeof value === "string" ? value : void 0;
  const match = text3 === void 0 ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text3);
  if (match === null) fail(at, `expected a date as YYYY-MM-DD, got ${describe4(at.node)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    fail(at, `expected a date as YYYY-MM-DD, got \`${text3}\` (no such day)`);
  }
  return text3;
}

// packages/core/src/policy/parse-policy.ts
var policyVersion = 1;
var topKeys = [
  "version",
  "mode",
  "baseline",
  "thresholds",
  "waivers",
  "stale-waivers",
  "images",
  "cves"
];
var thresholdKeys = ["fail-on", "max", "min-score", "count"];
var waiverKeys = ["rule", "images", "reason", "approver", "expires"];
var imageKeys = ["match", "content", "profile", "tailoring", "dockerfile", "thresholds"];
function parsePolicy(text3, file) {
  const lines2 = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text3, {
    lineCounter: lines2,
    prettyErrors: true,
    uniqueKeys: true,
    version: "1.2"
  });
  const problem = doc.errors[0];
  if (problem !== void 0) {
    const line = problem.linePos?.[0].line ?? 0;
    throw new PolicyError(
      file,
      line,
      "",
      `not valid YAML: ${problem.message.split("\n")[0] ?? problem.code}`
    );
  }
  const ctx = { file, lines: lines2 };
  const root = { node: doc.contents, path: "", ctx, keyLine: 1 };
  const policy = { file, thresholds: {}, waivers: [], staleWaivers: "report", images: [] };
  if (root.node === null) return policy;
  const top = readMap(root, topKeys);
  const version = top.get("version");
  if (version !== void 0 && readNumber(version, 1, 1, true) !== policyVersion)
    fail(version, "unsupported");
  const mode = top.get("mode");
  if (mode !== void 0) policy.mode = readEnum(mode, policyModes);
  const baseline = top.get("baseline");
  if (baseline !== void 0) policy.baseline = readString(baseline);
  const thresholds = top.get("thresholds");
  if (thresholds !== void 0) policy.thresholds = readThresholds(thresholds);
  const waivers = top.get("waivers");
  if (waivers !== void 0) policy.waivers = readList(waivers).map(readWaiver);
  const stale = top.get("stale-waivers");
  if (stale !== void 0) policy.staleWaivers = readEnum(stale, staleWaiverActions);
  const images = top.get("images");
  if (images !== void 0) policy.images = readList(images).map(readImageSection);
  const cves = top.get("cves");
  if (cves !== void 0 && cves.node !== null) {
    if (!(0, import_yaml2.isMap)(cves.node)) fail(cves, "expected a mapping (docs/cves.md)");
    const js = doc.toJS({ maxAliasCount: 0 });
    try {
      policy.cves = parseCvePolicy(js.cves, file);
    } catch (error) {
      if (error instanceof ConfigurationError) fail(cves, error.message);
      throw error;
    }
  }
  return policy;
}
function readThresholds(at) {
  const entries = readMap(at, thresholdKeys);
  const thresholds = {};
  const failOn = entries.get("fail-on");
  if (failOn !== void 0) thresholds.failOn = readEnum(failOn, failOnValues);
  const max = entries.get("max");
  if (max !== void 0) {
    const counts = {};
    for (const [severity, value] of readMap(max, severities)) {
      counts[severity] = readNumber(value, 0, Number.MAX_SAFE_INTEGER, true);
    }
    thresholds.max = counts;
  }
  const minScore = entries.get("min-score");
  if (minScore !== void 0) thresholds.minScore = readNumber(minScore, 0, 100, false);
  const count = entries.get("count");
  if (count !== void 0) {
    const countAs = {};
    for (const [result, value] of readMap(count, ["error", "unknown", "notchecked"])) {
      countAs[result] = readEnum(value, countAsValues);
    }
    thresholds.countAs = countAs;
  }
  return thresholds;
}
function required2(entries, at, key) {
  const value = entries.get(key);
  if (value === void 0) fail(at, `missing required key \`${key}\``);
  return value;
}
function readWaiver(at) {
  const entries = readMap(at, waiverKeys);
  const rule = required2(entries, at, "rule");
  const images = entries.get("images");
  return {
    rule: readString(rule),
    ...images === void 0 ? {} : { images: readStrings(images) },
    reason: readString(required2(entries, at, "reason")),
    approver: readString(required2(entries, at, "approver")),
    expires: readDate(required2(entries, at, "expires")),
    source: { file: at.ctx.file, line: lineOf(rule), path: at.path }
  };
}
function readImageSection(at) {
  const entries = readMap(at, imageKeys);
  const section = {
    match: readStrings(required2(entries, at, "match")),
    source: { file: at.ctx.file, line: lineOf(at), path: at.path }
  };
  for (const key of ["content", "profile", "tailoring", "dockerfile"]) {
    const value = entries.get(key);
    if (value !== void 0) section[key] = readString(value);
  }
  const thresholds = entries.get("thresholds");
  if (thresholds !== void 0) section.thresholds = readThresholds(thresholds);
  return section;
}

// packages/core/src/policy/load-policy.ts
import { readFile as readFile11, stat as stat8 } from "node:fs/promises";
import { isAbsolute as isAbsolute4, join as join25, relative as relative4, resolve as resolve2 } from "node:path";
var defaultPolicyFile = "scapgate.yml";
var maxPolicyBytes = 1024 * 1024;
async function loadPolicy(options) {
  const explicit = options.path !== void 0;
  const path = resolve2(options.cwd, options.path ?? defaultPolicyFile);
  const display = isAbsolute4(options.path ?? "") ? path : relative4(options.cwd, path) || path;
  let size;
  try {
    size = (await stat8(path)).size;
  } catch {
    if (!explicit) return void 0;
    throw new PolicyError(display, 0, "", "expected a readable policy file, found none (--policy)");
  }
  if (size > maxPolicyBytes) {
    throw new PolicyError(display, 0, "", `expected at most ${maxPolicyBytes} bytes, found ${size}`);
  }
  const policy = parsePolicy(await readFile11(path, "utf8"), display);
  return resolvePaths(policy, join25(path, ".."));
}
function resolvePaths(policy, dir) {
  const at = (p) => p === void 0 ? void 0 : resolve2(dir, p);
  return {
    ...policy,
    ...policy.baseline === void 0 ? {} : { baseline: at(policy.baseline) },
    images: policy.images.map((section) => ({
      ...section,
      ...section.content === void 0 ? {} : { content: at(section.content) },
      ...section.tailoring === void 0 ? {} : { tailoring: at(section.tailoring) },
      ...section.dockerfile === void 0 ? {} : { dockerfile: at(section.dockerfile) }
    }))
  };
}

// packages/core/src/policy/glob.ts
function globToRegExp(glob) {
  let source = "";
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      source += ".*";
      i += 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "s");
}
function matchesAny(globs, names) {
  return globs.some((glob) => {
    const pattern = globToRegExp(glob);
    return names.some((name) => pattern.test(name));
  });
}

// packages/core/src/policy/resolve-policy.ts
var defaultThresholds = { failOn: "medium", max: {}, countAs: defaultCountAs };
function merge(base, over) {
  if (over === void 0) return base;
  return {
    failOn: over.failOn ?? base.failOn,
    max: { ...base.max, ...over.max },
    ...(over.minScore ?? base.minScore) === void 0 ? {} : { minScore: over.minScore ?? base.minScore },
    countAs: { ...base.countAs, ...over.countAs }
  };
}
function settingsForImage(policy, names, overrides = {}) {
  const section = policy?.images.find((s) => matchesAny(s.match, names));
  let thresholds = merge(merge(defaultThresholds, policy?.thresholds), section?.thresholds);
  if (overrides.failOn !== void 0) thresholds = { ...thresholds, failOn: overrides.failOn };
  return {
    ...section?.content === void 0 ? {} : { content: section.content },
    ...section?.profile === void 0 ? {} : { profile: section.profile },
    ...section?.tailoring === void 0 ? {} : { tailoring: section.tailoring },
    ...section?.dockerfile === void 0 ? {} : { dockerfile: section.dockerfile },
    thresholds,
    mode: overrides.mode ?? policy?.mode ?? "absolute",
    waivers: (policy?.waivers ?? []).filter(
      (w) => w.images === void 0 || matchesAny(w.images, names)
    ),
    staleWaivers: policy?.staleWaivers ?? "report",
    ...section === void 0 ? {} : { section }
  };
}

// packages/core/src/baseline/read-baseline.ts
import { readFile as readFile12, stat as stat9 } from "node:fs/promises";

// packages/core/src/baseline/baseline-file.ts
var baselineSchemaUri = "https://scapgate.dev/schemas/baseline/v1";
function baselineFromResults(results, source) {
  return {
    source,
    score: results.score.value,
    rules: perRule(results.rules),
    profileId: results.scanner.profile.id,
    benchmarkId: results.scanner.content.benchmarkId,
    benchmarkVersion: results.scanner.content.benchmarkVersion,
    configDigest: results.image.configDigest
  };
}
function toBaselineFile(data) {
  return {
    schema: baselineSchemaUri,
    ...data.configDigest === void 0 ? {} : { configDigest: data.configDigest },
    ...data.benchmarkId === void 0 ? {} : {
      benchmark: {
        id: data.benchmarkId,
        ...data.benchmarkVersion === void 0 ? {} : { version: data.benchmarkVersion }
      }
    },
    ...data.profileId === void 0 ? {} : { profile: data.profileId },
    ...data.score === void 0 ? {} : { score: data.score },
    rules: Object.fromEntries(
      [...data.rules.keys()].sort().map((id) => [id, data.rules.get(id)])
    )
  };
}
function serializeBaseline(data) {
  const view = "source" in data ? data : baselineFromResults(data, "");
  return `${JSON.stringify(toBaselineFile(view), null, 2)}
`;
}

// packages/core/src/baseline/read-baseline.ts
var maxBaselineBytes = 512 * 1024 * 1024;
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isResult(value) {
  return typeof value === "string" && ruleResultValues.includes(value);
}
async function readBaseline(path, source = path) {
  let text3;
  try {
    const size = (await stat9(path)).size;
    if (size > maxBaselineBytes)
      throw new Error(`${size} bytes, more than the ${maxBaselineBytes} allowed`);
    text3 = await readFile12(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `Expected \`--baseline\` to name a readable file, got \`${source}\` (${getErrorMessage(error)})`
    );
  }
  return parseBaseline(text3, source);
}
function parseBaseline(text3, source) {
  const start = text3.trimStart();
  if (start.startsWith("<")) return fromArf(text3, source);
  let json;
  try {
    json = JSON.parse(text3);
  } catch (error) {
    throw bad(source, `not JSON or XML (${getErrorMessage(error)})`);
  }
  if (!isRecord2(json)) throw bad(source, "a JSON document that is not an object");
  if (json["schema"] === baselineSchemaUri) return fromBaselineFile(json, source);
  if (json["schema"] === resultsSchemaUri) return fromResultsJson(json, source);
  throw bad(source, `a JSON document with schema \`${String(json["schema"]).slice(0, 100)}\``);
}
function bad(source, found) {
  return new ConfigurationError(
    `Expected \`--baseline\` ${source} to be a scapgate baseline, a results.json or an ARF, found ${found}`
  );
}
function fromBaselineFile(json, source) {
  const { rules, score } = json;
  if (!isRecord2(rules)) throw bad(source, "a baseline without a `rules` object");
  const map = /* @__PURE__ */ new Map();
  for (const [id, result] of Object.entries(rules)) {
    if (!isResult(result))
      throw bad(
        source,
        `rule \`${id.slice(0, 200)}\` with result \`${String(result).slice(0, 50)}\``
      );
    map.set(id, result);
  }
  if (score !== void 0 && typeof score !== "number")
    throw bad(source, "a baseline with a `score` that is not a number");
  const profile = json["profile"];
  const digest = json["configDigest"];
  const benchmark = json["benchmark"];
  return {
    source,
    ...typeof score === "number" ? { score } : {},
    rules: map,
    ...isRecord2(benchmark) && typeof benchmark["id"] === "string" ? { benchmarkId: benchmark["id"] } : {},
    ...isRecord2(benchmark) && typeof benchmark["version"] === "string" ? { benchmarkVersion: benchmark["version"] } : {},
    ...typeof profile === "string" ? { profileId: profile } : {},
    ...typeof digest === "string" ? { configDigest: digest } : {}
  };
}
function fromResultsJson(json, source) {
  const { rules, score, scanner, image } = json;
  if (!Array.isArray(rules)) throw bad(source, "a results.json without a `rules` array");
  const map = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    if (!isRecord2(rule) || typeof rule["id"] !== "string" || !isResult(rule["result"])) {
      throw bad(source, "a results.json rule without a string `id` and a valid `result`");
    }
    const seen = map.get(rule["id"]);
    map.set(rule["id"], seen === void 0 ? rule["result"] : worstResult(seen, rule["result"]));
  }
  const value = isRecord2(score) ? score["value"] : void 0;
  const profile = isRecord2(scanner) && isRecord2(scanner["profile"]) ? scanner["profile"]["id"] : void 0;
  const digest = isRecord2(image) ? image["configDigest"] : void 0;
  const content = isRecord2(scanner) ? scanner["content"] : void 0;
  return {
    source,
    ...typeof value === "number" ? { score: value } : {},
    rules: map,
    ...isRecord2(content) && typeof content["benchmarkId"] === "string" ? { benchmarkId: content["benchmarkId"] } : {},
    ...isRecord2(content) && typeof content["benchmarkVersion"] === "string" ? { benchmarkVersion: content["benchmarkVersion"] } : {},
    ...typeof profile === "string" ? { profileId: profile } : {},
    ...typeof digest === "string" ? { configDigest: digest } : {}
  };
}
function fromArf(text3, source) {
  const parsed = parseArfText(text3, source);
  const { testResult } = parsed;
  const rules = perRule(
    testResult.ruleResults.filter((r) => r.result !== "notselected").map((r) => ({ id: r.idref, result: r.result }))
  );
  const score = testResult.scores.find((s) => s.system === "urn:xccdf:scoring:default") ?? testResult.scores[0];
  return {
    source,
    ...score === void 0 ? {} : { score: score.value },
    rules,
    ...testResult.profileId === void 0 ? {} : { profileId: testResult.profileId },
    benchmarkId: testResult.benchmarkId
  };
}

// packages/core/src/cache/result-cache.ts
import { createHash as createHash11, randomBytes as randomBytes4 } from "node:crypto";
import { copyFile as copyFile2, lstat as lstat6, mkdir as mkdir10, readdir as readdir3, readFile as readFile13, rename as rename6, rm as rm10, writeFile as writeFile8 } from "node:fs/promises";
import { dirname as dirname2, join as join26 } from "node:path";

// packages/core/src/results/results-schema.json
var results_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://scapgate.dev/schemas/results/v1",
  title: "scapgate results.json",
  description: "One container-image scan: image, scanner, per-rule outcomes and the gate verdict. See docs/results-schema.md.",
  type: "object",
  properties: {
    schema: {
      const: "https://scapgate.dev/schemas/results/v1"
    },
    version: {
      const: 1
    },
    image: {
      $ref: "#/$defs/image"
    },
    scanner: {
      $ref: "#/$defs/scanner"
    },
    testResultId: {
      type: "string"
    },
    startTime: {
      type: "string"
    },
    endTime: {
      type: "string"
    },
    score: {
      type: "object",
      properties: {
        system: {
          type: "string"
        },
        value: {
          type: "number"
        },
        maximum: {
          type: "number"
        }
      },
      required: ["system", "value", "maximum"],
      additionalProperties: false
    },
    counts: {
      $ref: "#/$defs/counts"
    },
    rules: {
      type: "array",
      items: {
        $ref: "#/$defs/rule"
      }
    },
    gate: {
      $ref: "#/$defs/gate"
    },
    cves: {
      $ref: "#/$defs/cves"
    }
  },
  required: [
    "schema",
    "version",
    "image",
    "scanner",
    "testResultId",
    "startTime",
    "endTime",
    "score",
    "counts",
    "rules",
    "gate"
  ],
  additionalProperties: false,
  $defs: {
    sha256hex: {
      type: "string",
      pattern: "^[0-9a-f]{64}$"
    },
    counts: {
      type: "object",
      properties: {
        pass: {
          type: "integer",
          minimum: 0
        },
        fail: {
          type: "integer",
          minimum: 0
        },
        error: {
          type: "integer",
          minimum: 0
        },
        unknown: {
          type: "integer",
          minimum: 0
        },
        notapplicable: {
          type: "integer",
          minimum: 0
        },
        notchecked: {
          type: "integer",
          minimum: 0
        },
        notselected: {
          type: "integer",
          minimum: 0
        },
        informational: {
          type: "integer",
          minimum: 0
        },
        fixed: {
          type: "integer",
          minimum: 0
        }
      },
      required: [
        "pass",
        "fail",
        "error",
        "unknown",
        "notapplicable",
        "notchecked",
        "notselected",
        "informational",
        "fixed"
      ],
      additionalProperties: false,
      description: "Rule-results per XCCDF result value, over every rule-result of the TestResult (including notselected)."
    },
    severity: {
      enum: ["unknown", "info", "low", "medium", "high"]
    },
    image: {
      type: "object",
      properties: {
        reference: {
          type: "string"
        },
        configDigest: {
          type: "string",
          pattern: "^sha256:[0-9a-f]{64}$"
        },
        manifestDigest: {
          type: "string",
          pattern: "^sha256:[0-9a-f]{64}$"
        },
        names: {
          type: "array",
          items: {
            type: "string"
          }
        },
        platform: {
          type: "string"
        },
        os: {
          type: "object",
          properties: {
            id: {
              type: "string"
            },
            versionId: {
              type: "string"
            },
            prettyName: {
              type: "string"
            }
          },
          required: ["id", "versionId", "prettyName"],
          additionalProperties: false
        }
      },
      required: ["reference", "configDigest", "names", "platform", "os"],
      additionalProperties: false
    },
    scanner: {
      type: "object",
      properties: {
        name: {
          const: "OpenSCAP"
        },
        version: {
          type: "string"
        },
        content: {
          type: "object",
          properties: {
            path: {
              type: "string"
            },
            sha256: {
              $ref: "#/$defs/sha256hex"
            },
            benchmarkId: {
              type: "string"
            },
            benchmarkVersion: {
              type: "string"
            }
          },
          required: ["path", "sha256", "benchmarkId", "benchmarkVersion"],
          additionalProperties: false
        },
        profile: {
          type: "object",
          properties: {
            id: {
              type: "string"
            },
            title: {
              type: "string"
            }
          },
          required: ["id", "title"],
          additionalProperties: false
        },
        tailoring: {
          type: "object",
          properties: {
            path: {
              type: "string"
            },
            sha256: {
              $ref: "#/$defs/sha256hex"
            }
          },
          required: ["path", "sha256"],
          additionalProperties: false
        },
        durationSeconds: {
          type: "number",
          minimum: 0
        }
      },
      required: ["name", "version", "content", "profile", "durationSeconds"],
      additionalProperties: false
    },
    rule: {
      type: "object",
      properties: {
        id: {
          type: "string",
          minLength: 1
        },
        shortId: {
          type: "string",
          minLength: 1
        },
        index: {
          type: "integer",
          minimum: 0
        },
        title: {
          type: "string"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        result: {
          enum: [
            "pass",
            "fail",
            "error",
            "unknown",
            "notapplicable",
            "notchecked",
            "notselected",
            "informational",
            "fixed"
          ]
        },
        description: {
          type: "string"
        },
        rationale: {
          type: "string"
        },
        references: {
          type: "array",
          items: {
            type: "object",
            properties: {
              href: {
                type: "string"
              },
              text: {
                type: "string"
              },
              framework: {
                type: "string"
              }
            },
            required: ["href", "text"],
            additionalProperties: false
          }
        },
        identifiers: {
          type: "array",
          items: {
            type: "object",
            properties: {
              system: {
                type: "string"
              },
              value: {
                type: "string"
              }
            },
            required: ["system", "value"],
            additionalProperties: false
          }
        },
        fixes: {
          type: "array",
          items: {
            type: "string"
          }
        },
        checks: {
          type: "array",
          items: {
            type: "object",
            properties: {
              system: {
                type: "string"
              },
              name: {
                type: "string"
              },
              href: {
                type: "string"
              }
            },
            required: ["system"],
            additionalProperties: false
          }
        },
        messages: {
          type: "array",
          items: {
            type: "string"
          }
        }
      },
      required: [
        "id",
        "shortId",
        "index",
        "title",
        "severity",
        "result",
        "description",
        "rationale",
        "references",
        "identifiers",
        "fixes",
        "checks",
        "messages"
      ],
      additionalProperties: false
    },
    ruleIds: {
      type: "array",
      items: {
        type: "string"
      }
    },
    gateReason: {
      oneOf: [
        {
          type: "object",
          properties: {
            kind: {
              const: "failed-rules"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            threshold: {
              $ref: "#/$defs/severity"
            }
          },
          required: ["kind", "message", "ruleIds", "threshold"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "unverified-rules"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            threshold: {
              $ref: "#/$defs/severity"
            }
          },
          required: ["kind", "message", "ruleIds", "threshold"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "nothing-evaluated"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            }
          },
          required: ["kind", "message", "ruleIds"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "too-many-failures"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            severity: {
              $ref: "#/$defs/severity"
            },
            maximum: {
              type: "integer",
              minimum: 0
            },
            count: {
              type: "integer",
              minimum: 0
            }
          },
          required: ["kind", "message", "ruleIds", "severity", "maximum", "count"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "score-below-minimum"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            score: {
              type: "number"
            },
            minimum: {
              type: "number"
            }
          },
          required: ["kind", "message", "ruleIds", "score", "minimum"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "new-failures"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            threshold: {
              $ref: "#/$defs/severity"
            }
          },
          required: ["kind", "message", "ruleIds", "threshold"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "regressions"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            threshold: {
              $ref: "#/$defs/severity"
            }
          },
          required: ["kind", "message", "ruleIds", "threshold"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "score-dropped"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            score: {
              type: "number"
            },
            baselineScore: {
              type: "number"
            }
          },
          required: ["kind", "message", "ruleIds", "score", "baselineScore"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "expired-waivers"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            waivers: {
              type: "array",
              items: {
                $ref: "#/$defs/waiver"
              }
            }
          },
          required: ["kind", "message", "ruleIds", "waivers"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "stale-waivers"
            },
            message: {
              type: "string"
            },
            ruleIds: {
              $ref: "#/$defs/ruleIds"
            },
            waivers: {
              type: "array",
              items: {
                $ref: "#/$defs/waiver"
              }
            }
          },
          required: ["kind", "message", "ruleIds", "waivers"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "vulnerable-packages"
            },
            message: {
              type: "string"
            },
            cveIds: {
              type: "array",
              items: {
                type: "string"
              }
            },
            threshold: {
              enum: ["critical", "high", "medium", "low", "never"]
            }
          },
          required: ["kind", "message", "cveIds", "threshold"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "unverified-cve-definitions"
            },
            message: {
              type: "string"
            },
            definitionIds: {
              type: "array",
              items: {
                type: "string"
              }
            }
          },
          required: ["kind", "message", "definitionIds"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "stale-feed"
            },
            message: {
              type: "string"
            },
            ageDays: {
              type: "integer",
              minimum: 0
            },
            maxFeedAgeDays: {
              type: "integer",
              minimum: 0
            }
          },
          required: ["kind", "message", "maxFeedAgeDays"],
          additionalProperties: false
        },
        {
          type: "object",
          properties: {
            kind: {
              const: "expired-cve-waivers"
            },
            message: {
              type: "string"
            },
            cveIds: {
              type: "array",
              items: {
                type: "string"
              }
            }
          },
          required: ["kind", "message", "cveIds"],
          additionalProperties: false
        }
      ]
    },
    gate: {
      type: "object",
      properties: {
        status: {
          enum: ["pass", "fail"]
        },
        failOn: {
          enum: ["low", "medium", "high", "never"]
        },
        mode: {
          enum: ["absolute", "ratchet"]
        },
        reasons: {
          type: "array",
          items: {
            $ref: "#/$defs/gateReason"
          }
        },
        counts: {
          type: "object",
          properties: {
            selected: {
              type: "integer",
              minimum: 0
            },
            evaluated: {
              type: "integer",
              minimum: 0
            },
            failing: {
              type: "integer",
              minimum: 0
            },
            unverified: {
              type: "integer",
              minimum: 0
            },
            belowThreshold: {
              type: "integer",
              minimum: 0
            },
            results: {
              $ref: "#/$defs/counts"
            },
            waived: {
              type: "integer",
              minimum: 0
            }
          },
          required: [
            "selected",
            "evaluated",
            "failing",
            "unverified",
            "belowThreshold",
            "results",
            "waived"
          ],
          additionalProperties: false
        },
        waivers: {
          type: "object",
          properties: {
            applied: {
              type: "array",
              items: {
                $ref: "#/$defs/waiver"
              }
            },
            expired: {
              type: "array",
              items: {
                $ref: "#/$defs/waiver"
              }
            },
            stale: {
              type: "array",
              items: {
                $ref: "#/$defs/waiver"
              }
            }
          },
          required: ["applied", "expired", "stale"],
          additionalProperties: false
        },
        baseline: {
          type: "object",
          properties: {
            source: {
              type: "string"
            },
            score: {
              type: "number"
            },
            changes: {
              type: "object",
              properties: {
                "new-failure": {
                  $ref: "#/$defs/ruleIds"
                },
                regression: {
                  $ref: "#/$defs/ruleIds"
                },
                "still-failing": {
                  $ref: "#/$defs/ruleIds"
                },
                fixed: {
                  $ref: "#/$defs/ruleIds"
                },
                "newly-not-applicable": {
                  $ref: "#/$defs/ruleIds"
                },
                "new-rule": {
                  $ref: "#/$defs/ruleIds"
                }
              },
              required: [
                "new-failure",
                "regression",
                "still-failing",
                "fixed",
                "newly-not-applicable",
                "new-rule"
              ],
              additionalProperties: false
            }
          },
          required: ["source", "changes"],
          additionalProperties: false
        },
        maxCounts: {
          type: "object",
          properties: {
            unknown: {
              type: "integer",
              minimum: 0
            },
            info: {
              type: "integer",
              minimum: 0
            },
            low: {
              type: "integer",
              minimum: 0
            },
            medium: {
              type: "integer",
              minimum: 0
            },
            high: {
              type: "integer",
              minimum: 0
            }
          },
          additionalProperties: false
        },
        minScore: {
          type: "number"
        },
        summary: {
          type: "string"
        }
      },
      required: ["status", "failOn", "mode", "reasons", "counts", "waivers", "summary"],
      additionalProperties: false
    },
    waiver: {
      type: "object",
      properties: {
        rule: {
          type: "string"
        },
        images: {
          type: "array",
          items: {
            type: "string"
          }
        },
        reason: {
          type: "string"
        },
        approver: {
          type: "string"
        },
        expires: {
          type: "string",
          pattern: "^\\d{4}-\\d{2}-\\d{2}$"
        },
        ruleIds: {
          $ref: "#/$defs/ruleIds"
        },
        source: {
          type: "string"
        }
      },
      required: ["rule", "reason", "approver", "expires", "ruleIds"],
      additionalProperties: false
    },
    cves: {
      type: "object",
      properties: {
        feed: {
          type: "object",
          properties: {
            source: {
              type: "string"
            },
            sha256: {
              $ref: "#/$defs/sha256hex"
            },
            origin: {
              enum: ["file", "download", "cache", "stale-cache"]
            },
            generatedAt: {
              type: "string"
            },
            ageDays: {
              type: "integer",
              minimum: 0
            },
            stale: {
              type: "boolean"
            }
          },
          required: ["source", "sha256", "origin", "stale"],
          additionalProperties: false
        },
        distribution: {
          type: "string"
        },
        definitions: {
          type: "object",
          properties: {
            total: {
              type: "integer",
              minimum: 0
            },
            evaluated: {
              type: "integer",
              minimum: 0
            },
            true: {
              type: "integer",
              minimum: 0
            },
            unverified: {
              type: "integer",
              minimum: 0
            }
          },
          required: ["total", "evaluated", "true", "unverified"],
          additionalProperties: false
        },
        unverifiedDefinitions: {
          type: "array",
          items: {
            type: "string"
          }
        },
        durationSeconds: {
          type: "object",
          properties: {
            prefilter: {
              type: "number",
              minimum: 0
            },
            oscap: {
              type: "number",
              minimum: 0
            }
          },
          required: ["prefilter", "oscap"],
          additionalProperties: false
        },
        findings: {
          type: "array",
          items: {
            type: "object",
            properties: {
              id: {
                type: "string"
              },
              cves: {
                type: "array",
                items: {
                  type: "string"
                }
              },
              advisory: {
                type: "string"
              },
              definitionId: {
                type: "string"
              },
              title: {
                type: "string"
              },
              package: {
                type: "string"
              },
              installedVersion: {
                type: "string"
              },
              fixedVersion: {
                type: "string"
              },
              severity: {
                enum: ["unknown", "negligible", "low", "medium", "high", "critical"]
              },
              cvss: {
                type: "object",
                properties: {
                  score: {
                    type: "number",
                    minimum: 0,
                    maximum: 10
                  },
                  vector: {
                    type: "string"
                  }
                },
                required: ["score"],
                additionalProperties: false
              },
              references: {
                type: "array",
                items: {
                  type: "string"
                }
              }
            },
            required: [
              "id",
              "cves",
              "definitionId",
              "title",
              "package",
              "severity",
              "references"
            ],
            additionalProperties: false
          }
        },
        gate: {
          type: "object",
          properties: {
            status: {
              enum: ["pass", "fail"]
            },
            failOn: {
              enum: ["critical", "high", "medium", "low", "never"]
            },
            ignoreUnfixed: {
              type: "boolean"
            },
            reasons: {
              type: "array",
              items: {
                $ref: "#/$defs/gateReason"
              }
            },
            counts: {
              type: "object",
              properties: {
                findings: {
                  type: "integer",
                  minimum: 0
                },
                gating: {
                  type: "integer",
                  minimum: 0
                },
                belowThreshold: {
                  type: "integer",
                  minimum: 0
                },
                unfixedIgnored: {
                  type: "integer",
                  minimum: 0
                },
                waived: {
                  type: "integer",
                  minimum: 0
                }
              },
              required: ["findings", "gating", "belowThreshold", "unfixedIgnored", "waived"],
              additionalProperties: false
            },
            waivers: {
              type: "object",
              properties: {
                applied: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      id: {
                        type: "string"
                      },
                      reason: {
                        type: "string"
                      },
                      approver: {
                        type: "string"
                      },
                      expires: {
                        type: "string",
                        pattern: "^\\d{4}-\\d{2}-\\d{2}$"
                      },
                      packages: {
                        type: "array",
                        items: {
                          type: "string"
                        }
                      }
                    },
                    required: ["id", "reason", "expires"],
                    additionalProperties: false
                  }
                },
                expired: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      id: {
                        type: "string"
                      },
                      reason: {
                        type: "string"
                      },
                      approver: {
                        type: "string"
                      },
                      expires: {
                        type: "string",
                        pattern: "^\\d{4}-\\d{2}-\\d{2}$"
                      },
                      packages: {
                        type: "array",
                        items: {
                          type: "string"
                        }
                      }
                    },
                    required: ["id", "reason", "expires"],
                    additionalProperties: false
                  }
                },
                stale: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      id: {
                        type: "string"
                      },
                      reason: {
                        type: "string"
                      },
                      approver: {
                        type: "string"
                      },
                      expires: {
                        type: "string",
                        pattern: "^\\d{4}-\\d{2}-\\d{2}$"
                      },
                      packages: {
                        type: "array",
                        items: {
                          type: "string"
                        }
                      }
                    },
                    required: ["id", "reason", "expires"],
                    additionalProperties: false
                  }
                }
              },
              required: ["applied", "expired", "stale"],
              additionalProperties: false
            }
          },
          required: ["status", "failOn", "ignoreUnfixed", "reasons", "counts", "waivers"],
          additionalProperties: false
        }
      },
      required: [
        "feed",
        "distribution",
        "definitions",
        "unverifiedDefinitions",
        "durationSeconds",
        "findings",
        "gate"
      ],
      additionalProperties: false
    }
  }
};

// packages/core/src/results/json-schema-check.ts
var annotations = /* @__PURE__ */ new Set([
  "$schema",
  "$id",
  "title",
  "description",
  "default",
  "format",
  "$defs",
  "definitions",
  "examples"
]);
function checkJsonSchema(schema, instance) {
  const violations = [];
  check(schema, instance, "", schema, violations);
  return violations;
}
function check(schema, value, path, root, out) {
  if (schema === true) return;
  if (schema === false) {
    out.push({ path, message: "no value is allowed here" });
    return;
  }
  const fail2 = (message) => {
    out.push({ path: path || "/", message });
  };
  for (const [keyword, arg] of Object.entries(schema)) {
    switch (keyword) {
      case "$ref":
        check(resolveRef(root, arg), value, path, root, out);
        break;
      case "type": {
        const types = Array.isArray(arg) ? arg : [arg];
        if (!types.some((t) => hasType(value, t)))
          fail2(`expected ${types.join(" or ")}, got ${typeOf2(value)}`);
        break;
      }
      case "const":
        if (JSON.stringify(value) !== JSON.stringify(arg))
          fail2(`expected ${JSON.stringify(arg)}, got ${JSON.stringify(value)}`);
        break;
      case "enum":
        if (!arg.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
          fail2(
            `expected one of ${arg.map((e) => JSON.stringify(e)).join("|")}, got ${JSON.stringify(value)}`
          );
        }
        break;
      case "properties":
        if (isObject(value)) {
          for (const [name, sub] of Object.entries(arg)) {
            if (Object.hasOwn(value, name)) check(sub, value[name], `${path}/${name}`, root, out);
          }
        }
        break;
      case "required":
        if (isObject(value)) {
          for (const name of arg)
            if (!Object.hasOwn(value, name)) fail2(`missing required property ${name}`);
        }
        break;
      case "additionalProperties":
        if (isObject(value)) {
          const known = Object.keys(schema.properties ?? {});
          for (const name of Object.keys(value)) {
            if (known.includes(name)) continue;
            if (arg === false) fail2(`unexpected property ${name}`);
            else check(arg, value[name], `${path}/${name}`, root, out);
          }
        }
        break;
      case "items":
        if (Array.isArray(value))
          value.forEach((item, i) => check(arg, item, `${path}/${i}`, root, out));
        break;
      case "minItems":
      case "maxItems":
        if (Array.isArray(value) && (keyword === "minItems" ? value.length < arg : value.length > arg)) {
          fail2(
            `expected ${keyword === "minItems" ? "at least" : "at most"} ${arg} items, got ${value.length}`
          );
        }
        break;
      case "minimum":
      case "maximum":
        if (typeof value === "number" && (keyword === "minimum" ? value < arg : value > arg)) {
          fail2(`expected ${keyword} ${arg}, got ${value}`);
        }
        break;
      case "minLength":
      case "maxLength":
        if (typeof value === "string") {
          const length = [...value].length;
          if (keyword === "minLength" ? length < arg : length > arg) {
            fail2(`expected ${keyword} ${arg}, got ${length}`);
          }
        }
        break;
      case "pattern":
        if (typeof value === "string" && !new RegExp(arg, "u").test(value)) {
          fail2(`expected to match ${arg}, got ${JSON.stringify(value.slice(0, 80))}`);
        }
        break;
      case "oneOf":
      case "anyOf": {
        const matching = arg.filter(
          (sub) => checkJsonSchemaAt(sub, value, root).length === 0
        ).length;
        if (keyword === "oneOf" ? matching !== 1 : matching === 0) {
          fail2(
            `expected to match ${keyword === "oneOf" ? "exactly one" : "at least one"} alternative, matched ${matching}`
          );
        }
        break;
      }
      case "allOf":
        for (const sub of arg) check(sub, value, path, root, out);
        break;
      default:
        if (!annotations.has(keyword))
          throw new Error(`checkJsonSchema does not support the keyword ${keyword}`);
    }
  }
}
function checkJsonSchemaAt(schema, value, root) {
  const out = [];
  check(schema, value, "", root, out);
  return out;
}
function resolveRef(root, ref) {
  const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  const target = match && typeof root === "object" ? root[match[1]]?.[match[2]] : void 0;
  if (target === void 0) throw new Error(`checkJsonSchema cannot resolve $ref ${ref}`);
  return target;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function hasType(value, type) {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}
function typeOf2(value) {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

// packages/core/src/cache/result-cache.ts
var cacheEntrySchema = "https://scapgate.dev/schemas/cache-entry/v1";
function cacheKey(input) {
  const stable = JSON.stringify([
    cacheEntrySchema,
    input.configDigest,
    input.platform,
    input.content,
    input.profile,
    input.tailoringSha256 ?? null,
    input.dockerfileSha256 ?? null,
    input.scapgateVersion,
    input.oscapVersion
  ]);
  return createHash11("sha256").update(stable).digest("hex");
}
function entryDir(dir, key) {
  return join26(dir, "results", key);
}
var modelSchema = {
  ...results_schema_default,
  required: (results_schema_default.required ?? []).filter((k) => k !== "gate")
};
async function lookupScan(dir, key) {
  const at = entryDir(dir, key);
  let entry;
  try {
    entry = JSON.parse(await readFile13(join26(at, "entry.json"), "utf8"));
  } catch {
    return void 0;
  }
  if (typeof entry !== "object" || entry === null) return void 0;
  const {
    schema,
    key: storedKey,
    results,
    contentRuleIds,
    verdict
  } = entry;
  if (schema !== cacheEntrySchema || storedKey !== key) return void 0;
  if (!Array.isArray(contentRuleIds) || !contentRuleIds.every((id) => typeof id === "string"))
    return void 0;
  const document = { schema: resultsSchemaUri, version: resultsSchemaVersion, ...results };
  if (typeof results !== "object" || results === null || checkJsonSchema(modelSchema, document).length > 0) {
    return void 0;
  }
  return {
    results,
    contentRuleIds,
    verdictJson: JSON.stringify(verdict),
    filesDir: join26(at, "files")
  };
}
async function listFiles(dir, since = 0) {
  const found = [];
  const walk2 = async (rel) => {
    for (const entry of await readdir3(join26(dir, rel), { withFileTypes: true })) {
      const path = rel === "" ? entry.name : join26(rel, entry.name);
      if (entry.isDirectory()) await walk2(path);
      else if (entry.isFile() && (since === 0 || (await lstat6(join26(dir, path))).mtimeMs >= since))
        found.push(path);
    }
  };
  await walk2("");
  return found.sort();
}
async function copyFiles(from, to, files) {
  for (const file of files) {
    await mkdir10(dirname2(join26(to, file)), { recursive: true });
    await copyFile2(join26(from, file), join26(to, file));
  }
}
async function storeScan(dir, key, scan) {
  const parent = join26(dir, "results");
  const staging = join26(parent, `.tmp-${randomBytes4(8).toString("hex")}`);
  try {
    await mkdir10(parent, { recursive: true, mode: 448 });
    await mkdir10(join26(staging, "files"), { recursive: true, mode: 448 });
    await copyFiles(scan.outDir, join26(staging, "files"), await listFiles(scan.outDir, scan.since));
    const entry = {
      schema: cacheEntrySchema,
      key,
      contentRuleIds: scan.contentRuleIds,
      verdict: scan.verdict,
      results: scan.results
    };
    await writeFile8(join26(staging, "entry.json"), `${JSON.stringify(entry)}
`, { mode: 384 });
    await rm10(entryDir(dir, key), { recursive: true, force: true });
    await rename6(staging, entryDir(dir, key));
    return true;
  } catch {
    await rm10(staging, { recursive: true, force: true }).catch(() => {
    });
    return false;
  }
}
async function sha256File(path) {
  return createHash11("sha256").update(await readFile13(path)).digest("hex");
}
function defaultCacheDir(env) {
  if (env["SCAPGATE_CACHE_DIR"]) return env["SCAPGATE_CACHE_DIR"];
  if (env["XDG_CACHE_HOME"]) return join26(env["XDG_CACHE_HOME"], "scapgate");
  if (env["HOME"]) return join26(env["HOME"], ".cache", "scapgate");
  return void 0;
}

// packages/core/src/pipeline/scan-images.ts
import { mkdir as mkdir11, stat as stat10, writeFile as writeFile10 } from "node:fs/promises";
import { join as join28 } from "node:path";

// packages/core/src/cache/oscap-version.ts
import { execFile as execFile6 } from "node:child_process";
import { promisify as promisify2 } from "node:util";
async function oscapVersion(oscapPath = "oscap") {
  try {
    const { stdout } = await promisify2(execFile6)(oscapPath, ["--version"], {
      timeout: 1e4,
      env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" }
    });
    const version = /command line tool \(oscap\) (\S+)/.exec(stdout)?.[1];
    if (version !== void 0) return version;
  } catch {
  }
  throw new EnvironmentError(
    `Expected \`${oscapPath} --version\` to print OpenSCAP's version; is openscap-scanner installed?`
  );
}

// packages/core/src/cache/render-cached.ts
import { readFile as readFile14, writeFile as writeFile9 } from "node:fs/promises";
import { join as join27 } from "node:path";
var bodyMarker = "\n| Result | Rules |";
async function renderCached(options, image, cached2, evaluate2) {
  const { outDir } = options;
  await copyFiles(cached2.filesDir, outDir, await listFiles(cached2.filesDir));
  const sameName = cached2.results.image.reference === image.reference.raw;
  const results = {
    ...cached2.results,
    image: { ...cached2.results.image, reference: image.reference.raw, names: image.names }
  };
  const verdict = await evaluate2(results, { contentRuleIds: cached2.contentRuleIds });
  const summaryPath = join27(outDir, "summary.md");
  if (JSON.stringify(verdict) !== cached2.verdictJson || !sameName) {
    await writeFile9(join27(outDir, "results.json"), serializeResults(results, verdict));
    const fresh = renderSummary(results, verdict, { fullReportHint: "report.html and results.json" });
    const old = await readFile14(summaryPath, "utf8").catch(() => "");
    const [freshAt, oldAt] = [fresh.indexOf(bodyMarker), old.indexOf(bodyMarker)];
    await writeFile9(
      summaryPath,
      freshAt >= 0 && oldAt >= 0 ? fresh.slice(0, freshAt) + old.slice(oldAt) : fresh
    );
  }
  const summaryMarkdown = await readFile14(summaryPath, "utf8");
  return { results, verdict, outDir, summaryMarkdown };
}

// packages/core/src/pipeline/scan-images.ts
function imageSlugs(images) {
  const seen = /* @__PURE__ */ new Map();
  return images.map((raw) => {
    const withoutTransport = raw.replace(
      /^(docker-archive|oci-archive|oci|docker-daemon|podman|docker):(\/\/)?/,
      ""
    );
    const last = withoutTransport.split("/").filter((part) => part !== "").pop() ?? "image";
    const base = last.replace(/\.(docker\.tar|oci\.tar|tar\.gz|tgz|tar)$/i, "").replace(/\.(docker\.tar|oci\.tar|tar)(?=:)/i, "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "").slice(0, 80) || "image";
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
async function baselineFor(path, slug2, several) {
  const isDir = await stat10(path).then(
    (s) => s.isDirectory(),
    () => false
  );
  if (!isDir) {
    if (several) {
      throw new ConfigurationError(
        `Expected \`--baseline\` to be a directory of per-image baselines (<slug>.json or <slug>/results.json) when scanning several images, got the file \`${path}\``
      );
    }
    return readBaseline(path);
  }
  for (const candidate of [join28(path, `${slug2}.json`), join28(path, slug2, "results.json")]) {
    if (await stat10(candidate).then(
      () => true,
      () => false
    ))
      return readBaseline(candidate);
  }
  throw new ConfigurationError(
    `Expected a baseline for image \`${slug2}\` in \`${path}\` (${slug2}.json or ${slug2}/results.json), found none`
  );
}
function gateFor(settings, baseline, now) {
  return async (results, { contentRuleIds }) => {
    checkWaiverRules(settings.waivers, contentRuleIds);
    return evaluatePolicyGate(results, { ...settings, baseline, now });
  };
}
async function scanOne(options, raw, outDir, slug2) {
  const { cves: cveFlags, ...rest } = options;
  const cves = resolveCveSettings(cveFlags, options.policy?.cves, options.now);
  const single = {
    ...rest,
    image: raw,
    outDir,
    ...cves === void 0 ? {} : { cves }
  };
  const work = await createWorkDir(options.environment.tmpDir);
  let image;
  try {
    image = await openSourceImage(single, work.path);
    const settings = settingsForImage(options.policy, [raw, ...image.names], options.overrides);
    const scan = {
      ...single,
      failOn: settings.thresholds.failOn,
      contentPath: options.contentPath ?? settings.content,
      profile: options.profile ?? settings.profile,
      tailoringPath: options.tailoringPath ?? settings.tailoring,
      dockerfile: options.dockerfile ?? settings.dockerfile
    };
    const baselinePath = options.baselinePath ?? options.policy?.baseline;
    if (settings.mode === "ratchet" && baselinePath === void 0) {
      throw new ConfigurationError(
        "Expected a baseline for `mode: ratchet` (--baseline FILE or `baseline:` in the policy), got none"
      );
    }
    const baseline = baselinePath === void 0 ? void 0 : await baselineFor(baselinePath, slug2, options.images.length > 1);
    const evaluate2 = gateFor(settings, baseline, options.now);
    if (options.cacheDir === void 0 || cves !== void 0) {
      const opened2 = image;
      image = void 0;
      return {
        image: raw,
        slug: slug2,
        outDir,
        outcome: await scanImage({ ...scan, openedImage: opened2, evaluate: evaluate2 }),
        cached: false
      };
    }
    const cacheDir = options.cacheDir;
    const contentDir = options.environment.contentDir ?? DEFAULT_CONTENT_DIR;
    const key = cacheKey({
      configDigest: image.configDigest,
      platform: formatPlatform(image.platform),
      content: scan.contentPath ?? {
        directory: contentDir,
        streams: await listDataStreams(contentDir).catch(() => [])
      },
      profile: scan.profile ?? "",
      ...scan.tailoringPath === void 0 ? {} : { tailoringSha256: await sha256File(scan.tailoringPath).catch(() => "unreadable") },
      ...scan.dockerfile === void 0 ? {} : { dockerfileSha256: await sha256File(scan.dockerfile).catch(() => "absent") },
      scapgateVersion: options.toolVersion,
      oscapVersion: await oscapVersion(options.environment.oscapPath)
    });
    const cached2 = await lookupScan(cacheDir, key);
    const content = cached2?.results.scanner.content;
    if (cached2 !== void 0 && content !== void 0 && await sha256File(content.path).catch(() => "") === content.sha256) {
      await verifyLayerBlobs(image.layers, raw, options.signal);
      options.logger.info(
        `${raw}: unchanged image (config ${image.configDigest}); reusing the cached scan`
      );
      const outcome2 = await renderCached(scan, image, cached2, evaluate2);
      return { image: raw, slug: slug2, outDir, outcome: outcome2, cached: true };
    }
    const opened = image;
    image = void 0;
    const since = Date.now() - 1e3;
    let contentRuleIds = [];
    const outcome = await scanImage({
      ...scan,
      openedImage: opened,
      evaluate: async (results, context) => {
        contentRuleIds = context.contentRuleIds;
        return evaluate2(results, context);
      }
    });
    const stored = await storeScan(cacheDir, key, {
      results: outcome.results,
      contentRuleIds,
      verdict: outcome.verdict,
      outDir,
      since
    });
    if (!stored)
      options.logger.warning(
        `could not write the result cache in ${cacheDir}; continuing without it`
      );
    return { image: raw, slug: slug2, outDir, outcome, cached: false };
  } catch (error) {
    await mkdir11(outDir, { recursive: true }).then(
      () => writeFile10(
        join28(outDir, "summary.md"),
        `# scapgate: scan did not complete

${raw}: ${getErrorMessage(error)}
`
      )
    ).catch(() => {
    });
    return { image: raw, slug: slug2, outDir, error, cached: false };
  } finally {
    await image?.close();
    await work.dispose();
  }
}
async function scanImages(options) {
  const several = options.images.length > 1;
  const slugs = imageSlugs(options.images);
  const outcomes = new Array(options.images.length);
  let next = 0;
  const worker = async () => {
    while (next < options.images.length) {
      const index = next;
      next += 1;
      const slug2 = slugs[index];
      const outDir = several ? join28(options.outDir, slug2) : options.outDir;
      if (options.signal?.aborted === true) {
        outcomes[index] = {
          image: options.images[index],
          slug: slug2,
          outDir,
          error: new CancelledError(),
          cached: false
        };
        continue;
      }
      outcomes[index] = await scanOne(options, options.images[index], outDir, slug2);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, options.images.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes.filter((o) => o !== void 0);
}
function imageVerdicts(outcomes) {
  return outcomes.map((o) => ({
    image: o.image,
    slug: o.slug,
    ...o.outcome === void 0 ? {} : { verdict: o.outcome.verdict, score: o.outcome.results.score.value },
    cached: o.cached,
    error: o.error
  }));
}

// packages/core/src/report/report-from-arf.ts
import { createHash as createHash12 } from "node:crypto";
import { copyFile as copyFile3, mkdir as mkdir12, readFile as readFile15, writeFile as writeFile11 } from "node:fs/promises";
import { basename, dirname as dirname3, join as join29, resolve as resolve3 } from "node:path";
async function reportFromArf(options) {
  const { logger, signal } = options;
  await mkdir12(options.outDir, { recursive: true });
  const parsed = await parseArf(options.arfPath);
  const arfBytes = await readFile15(options.arfPath);
  const sibling = await readSiblingResults(options.arfPath);
  const work = await createWorkDir(options.tmpDir);
  let image;
  try {
    if (options.image !== void 0) {
      image = await openImage(parseImageReference(options.image), {
        workDir: join29(work.path, "image"),
        ...options.platform === void 0 ? {} : { platform: options.platform },
        ...signal === void 0 ? {} : { signal }
      });
    }
    const identifier = parsed.testResult.facts.find((f) => f.name === "urn:xccdf:fact:identifier");
    const imageInfo = image !== void 0 ? {
      reference: image.reference.raw,
      configDigest: image.configDigest,
      ...image.manifestDigest === void 0 ? {} : { manifestDigest: image.manifestDigest },
      names: image.names,
      platform: formatPlatform(image.platform),
      os: sibling?.image.os ?? { id: "", versionId: "", prettyName: "" }
    } : sibling?.image ?? fromIdentifier(identifier?.value ?? basename(options.arfPath));
    const results = buildScanResults(parsed, {
      image: imageInfo,
      scanner: {
        content: sibling?.scanner.content ?? {
          path: options.arfPath,
          sha256: createHash12("sha256").update(arfBytes).digest("hex")
        },
        durationSeconds: sibling?.scanner.durationSeconds ?? 0
      }
    });
    if (signal?.aborted === true) throw new CancelledError();
    const scanner = options.skipOscap === true ? void 0 : await preflightScanner({
      ...options.oscapPath === void 0 ? {} : { oscapPath: options.oscapPath },
      workDir: work.path
    });
    if (resolve3(options.arfPath) !== resolve3(options.outDir, "arf.xml"))
      await copyFile3(options.arfPath, join29(options.outDir, "arf.xml"));
    if (scanner !== void 0) {
      await generateHtmlReport(options.arfPath, join29(options.outDir, "report.html"), {
        scanner,
        ...signal === void 0 ? {} : { signal },
        ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs }
      });
    }
    const dockerfile = await loadDockerfile(options.dockerfile, options.cwd, logger);
    const fallback = dockerfile !== void 0 ? { uri: dockerfile.uri, startLine: 1 } : { uri: toRepositoryUri(options.arfPath, options.cwd), startLine: 1 };
    if (image === void 0 && dockerfile !== void 0)
      logger.info(
        "report: no --image, so no layer bookkeeping: findings point at the final FROM line"
      );
    const blame = await blameImage({
      rules: results.rules.filter((r) => ["fail", "error", "unknown"].includes(r.result)),
      parsed,
      arfPath: options.arfPath,
      ...image === void 0 ? {} : { image },
      ...dockerfile === void 0 ? {} : { dockerfile },
      fallback,
      logger,
      ...signal === void 0 ? {} : { signal }
    });
    const verdict = evaluateGate(results, { failOn: options.failOn });
    await writeFile11(join29(options.outDir, "results.json"), serializeResults(results, verdict));
    const written = await writeReports({
      outDir: options.outDir,
      results,
      verdict,
      arfPath: options.arfPath,
      blame,
      fallback,
      toolVersion: options.toolVersion,
      logger,
      ...scanner === void 0 ? { skipFixes: true } : { scanner },
      ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs },
      ...signal === void 0 ? {} : { signal }
    });
    return { results, verdict, summaryMarkdown: written.summaryMarkdown };
  } finally {
    await image?.close();
    await work.dispose();
  }
}
function fromIdentifier(identifier) {
  const at = identifier.lastIndexOf("@sha256:");
  const reference = at > 0 ? identifier.slice(0, at) : identifier;
  const digest = at > 0 ? identifier.slice(at + 1) : "";
  return {
    reference,
    configDigest: /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : `sha256:${"0".repeat(64)}`,
    names: [],
    platform: "",
    os: { id: "", versionId: "", prettyName: "" }
  };
}
async function readSiblingResults(arfPath) {
  let document;
  try {
    document = JSON.parse(await readFile15(join29(dirname3(arfPath), "results.json"), "utf8"));
  } catch {
    return void 0;
  }
  if (typeof document !== "object" || document === null) return void 0;
  const { image, scanner } = document;
  if (!isImageInfo(image) || typeof scanner !== "object" || scanner === null) return void 0;
  const { content, durationSeconds } = scanner;
  if (typeof content !== "object" || content === null) return void 0;
  const { path, sha256 } = content;
  if (typeof path !== "string" || typeof sha256 !== "string") return void 0;
  return {
    image,
    scanner: {
      content: { path, sha256 },
      durationSeconds: typeof durationSeconds === "number" ? durationSeconds : 0
    }
  };
}
function isImageInfo(value) {
  if (typeof value !== "object" || value === null) return false;
  const v = value;
  const os = v["os"];
  return typeof v["reference"] === "string" && typeof v["configDigest"] === "string" && Array.isArray(v["names"]) && v["names"].every((n) => typeof n === "string") && typeof v["platform"] === "string" && typeof os === "object" && os !== null && typeof os["id"] === "string" && typeof os["versionId"] === "string" && typeof os["prettyName"] === "string";
}

// packages/cli/src/commands/gitlab-note.ts
import { readFile as readFile16 } from "node:fs/promises";
import { resolve as resolve5 } from "node:path";

// packages/cli/src/command.ts
import { existsSync } from "node:fs";
import { resolve as resolve4 } from "node:path";
import { parseArgs } from "node:util";

// packages/cli/src/exit-codes.ts
var ExitCode = {
  GatePassed: 0,
  GateFailed: 1,
  Usage: 2,
  ScanIncomplete: 3,
  Interrupted: 130
};
function exitCodeForError(error) {
  if (error instanceof UsageError || error instanceof ConfigurationError) return ExitCode.Usage;
  if (error instanceof CancelledError) return ExitCode.Interrupted;
  if (error instanceof InvalidImageError || error instanceof ScanFailedError || error instanceof EnvironmentError || error instanceof LimitExceededError || error instanceof InvalidArfError) {
    return ExitCode.ScanIncomplete;
  }
  return ExitCode.ScanIncomplete;
}
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};

// packages/cli/src/command.ts
function parseFlags(argv, options) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
function oneOf(flag, value, choices) {
  if (!choices.includes(value)) {
    throw new UsageError(`Expected \`${flag}\` to be one of ${choices.join("|")}, got \`${value}\``);
  }
  return value;
}
function rejectEmpty(values, flags) {
  for (const flag of flags) {
    if (values[flag] === "")
      throw new UsageError(`Expected \`--${flag}\` to have a value, got an empty string`);
  }
}
function dockerfileFlag(flag, cwd) {
  if (flag !== void 0) return resolve4(cwd, flag);
  const implicit = resolve4(cwd, "Dockerfile");
  return existsSync(implicit) ? implicit : void 0;
}
function cacheDirFlag(flags, io) {
  if (flags.noCache) return void 0;
  return flags.cacheDir !== void 0 ? resolve4(io.cwd, flags.cacheDir) : defaultCacheDir(io.env);
}

// packages/cli/src/gitlab/merge-request-note.ts
var maxNoteBodyChars = 1e6;
var pageLimit = 50;
var GitLabApiError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "GitLabApiError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  status;
};
function noteMarker(key) {
  return `<!-- scapgate:merge-request-note key=${key} -->`;
}
function noteBody(summary, key) {
  const marker = noteMarker(key);
  const room = maxNoteBodyChars - marker.length - 200;
  const text3 = summary.length <= room ? summary : `${summary.slice(0, room)}

\u2026 summary truncated to GitLab's note size limit; see the job artifacts.`;
  return `${marker}
${text3}`;
}
async function upsertMergeRequestNote(target, summary) {
  const api = createApi(target);
  const notesPath = `/projects/${encodeURIComponent(target.projectId)}/merge_requests/${encodeURIComponent(target.mergeRequestIid)}/notes`;
  const me = await api.request("GET", "/user");
  const myId = isRecord3(me) && typeof me["id"] === "number" ? me["id"] : void 0;
  if (myId === void 0)
    throw new GitLabApiError("GET /user: expected an object with a numeric `id`", void 0);
  const marker = noteMarker(target.key);
  const body = noteBody(summary, target.key);
  for (let page = 1; page <= pageLimit; page++) {
    const notes = await api.request(
      "GET",
      `${notesPath}?sort=asc&order_by=created_at&per_page=100&page=${page}`
    );
    if (!Array.isArray(notes))
      throw new GitLabApiError(`GET ${notesPath}: expected an array of notes`, void 0);
    const mine = notes.find(
      (note) => isRecord3(note) && typeof note["id"] === "number" && typeof note["body"] === "string" && note["body"].startsWith(marker) && isRecord3(note["author"]) && note["author"]["id"] === myId
    );
    if (mine !== void 0) {
      await api.request("PUT", `${notesPath}/${mine.id}`, { body });
      return { action: "updated", noteId: mine.id };
    }
    if (notes.length < 100) break;
  }
  const created = await api.request("POST", notesPath, { body });
  const id = isRecord3(created) && typeof created["id"] === "number" ? created["id"] : void 0;
  if (id === void 0)
    throw new GitLabApiError(
      `POST ${notesPath}: expected the new note with a numeric \`id\``,
      void 0
    );
  return { action: "created", noteId: id };
}
function createApi(target) {
  const base = target.apiUrl.replace(/\/+$/, "");
  const doFetch = target.fetch ?? fetch;
  return {
    async request(method, path, json) {
      const signals = [
        AbortSignal.timeout(3e4),
        ...target.signal === void 0 ? [] : [target.signal]
      ];
      let response;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers: {
            "PRIVATE-TOKEN": target.token,
            Accept: "application/json",
            ...json === void 0 ? {} : { "Content-Type": "application/json" }
          },
          body: json === void 0 ? void 0 : JSON.stringify(json),
          redirect: "error",
          signal: AbortSignal.any(signals)
        });
      } catch (error) {
        throw new GitLabApiError(
          `${method} ${base}${path.replace(/\?.*$/, "")}: ${error instanceof Error ? error.message : String(error)}`,
          void 0
        );
      }
      const text3 = await response.text();
      if (!response.ok) {
        throw new GitLabApiError(
          `${method} ${path.replace(/\?.*$/, "")}: GitLab answered ${response.status}: ${sanitizeForDisplay(text3, 300)}`,
          response.status
        );
      }
      try {
        return JSON.parse(text3);
      } catch {
        throw new GitLabApiError(
          `${method} ${path.replace(/\?.*$/, "")}: expected JSON, got ${sanitizeForDisplay(text3, 100)}`,
          response.status
        );
      }
    }
  };
}
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// packages/cli/src/commands/gitlab-note.ts
var usage = `Usage: scapgate gitlab-note [--summary FILE] [--key KEY]

Post the scan summary as a merge-request note, or update the note this token posted before.
Run it in a GitLab merge-request pipeline after \`scapgate scan\`; elsewhere it does nothing.

Options
  --summary FILE    Markdown to post (default: ./scapgate-out/summary.md)
  --key KEY         tells several scapgate notes on one MR apart (default: $CI_JOB_NAME)

Environment
  SCAPGATE_GITLAB_TOKEN   token with the api scope (project or personal access token), sent
                          as PRIVATE-TOKEN; CI_JOB_TOKEN cannot write notes
  CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID
                          set by GitLab in merge-request pipelines

Exit codes: 0 posted, updated or skipped; 2 configuration error; 3 GitLab refused or is unreachable.
`;
function parseGitLabNote(argv) {
  const { values, positionals } = parseFlags(argv, {
    summary: { type: "string" },
    key: { type: "string" }
  });
  if (positionals.length > 0) {
    throw new UsageError(
      `Expected no arguments after \`gitlab-note\`, got ${positionals.join(" ")}`
    );
  }
  rejectEmpty(values, ["summary", "key"]);
  return { summary: values.summary ?? "scapgate-out/summary.md", key: values.key };
}
var keyPattern = /^[A-Za-z0-9_.:/ -]{1,255}$/;
async function runGitLabNote(command, io) {
  const env = (name) => {
    const value = io.env[name];
    return value === void 0 || value === "" ? void 0 : value;
  };
  const mergeRequestIid = env("CI_MERGE_REQUEST_IID");
  if (mergeRequestIid === void 0) {
    io.stderr.write(
      "scapgate gitlab-note: not a merge-request pipeline (CI_MERGE_REQUEST_IID is unset), skipping\n"
    );
    return ExitCode.GatePassed;
  }
  const missing2 = ["SCAPGATE_GITLAB_TOKEN", "CI_API_V4_URL", "CI_PROJECT_ID"].filter(
    (n) => env(n) === void 0
  );
  if (missing2.length > 0) {
    io.stderr.write(
      `scapgate gitlab-note: configuration error: Expected ${missing2.join(", ")} to be set, found ${missing2.length === 1 ? "it" : "them"} empty
`
    );
    return ExitCode.Usage;
  }
  const jobName = env("CI_JOB_NAME")?.replace(/[^A-Za-z0-9_.:/ -]/g, "-").slice(0, 255);
  const key = command.key ?? jobName ?? "scapgate";
  if (!keyPattern.test(key)) {
    io.stderr.write(
      `scapgate gitlab-note: configuration error: Expected the note key to match ${keyPattern.source}, got \`${key}\`
`
    );
    return ExitCode.Usage;
  }
  let summary;
  try {
    summary = await readFile16(resolve5(io.cwd, command.summary), "utf8");
  } catch (error) {
    io.stderr.write(
      `scapgate gitlab-note: configuration error: Cannot read the summary \`${command.summary}\`: ${getErrorMessage(error)}
`
    );
    return ExitCode.Usage;
  }
  try {
    const result = await upsertMergeRequestNote(
      {
        apiUrl: env("CI_API_V4_URL"),
        projectId: env("CI_PROJECT_ID"),
        mergeRequestIid,
        token: env("SCAPGATE_GITLAB_TOKEN"),
        key,
        signal: io.signal
      },
      summary
    );
    io.stderr.write(
      `scapgate gitlab-note: ${result.action} note ${result.noteId} on merge request !${mergeRequestIid}
`
    );
    return ExitCode.GatePassed;
  } catch (error) {
    if (!(error instanceof GitLabApiError)) throw error;
    io.stderr.write(`scapgate gitlab-note: the note could not be posted: ${error.message}
`);
    return ExitCode.ScanIncomplete;
  }
}
var gitLabNoteCommandSpec = {
  name: "gitlab-note",
  summary: "post or update the scan summary as a GitLab merge-request note",
  usage,
  parse: parseGitLabNote,
  run: runGitLabNote
};

// packages/cli/src/commands/scan.ts
import { resolve as resolve7 } from "node:path";

// packages/cli/src/gate-run.ts
import { mkdir as mkdir13, readFile as readFile17, writeFile as writeFile12 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { resolve as resolve6 } from "node:path";
import { join as join30 } from "node:path";
var maxImagesFileBytes = 1024 * 1024;
async function readImagesFile(path) {
  let text3;
  try {
    text3 = await readFile17(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `Expected \`--images\` to name a readable file, got \`${path}\` (${getErrorMessage(error)})`
    );
  }
  if (text3.length > maxImagesFileBytes)
    throw new ConfigurationError(`Expected \`--images\` ${path} to be at most 1 MiB`);
  return text3.split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, "").trim()).filter((line) => line !== "");
}
function exitCodeFor(outcomes) {
  const codes = outcomes.filter((o) => o.error !== void 0).map((o) => exitCodeForError(o.error));
  if (codes.includes(ExitCode.Interrupted)) return ExitCode.Interrupted;
  if (codes.includes(ExitCode.ScanIncomplete)) return ExitCode.ScanIncomplete;
  if (codes.length > 0) return codes[0];
  return outcomes.every((o) => o.outcome?.verdict.status === "pass") ? ExitCode.GatePassed : ExitCode.GateFailed;
}
async function runGatedScan(flags, base, io, finishProgress) {
  const images = [...flags.images];
  if (flags.imagesFile !== void 0)
    images.push(...await readImagesFile(resolve6(io.cwd, flags.imagesFile)));
  if (images.length === 0)
    throw new ConfigurationError(
      `Expected at least one image in \`--images\` ${flags.imagesFile}, found none`
    );
  const policy = await loadPolicy({ path: flags.policy, cwd: io.cwd });
  const cacheDir = cacheDirFlag(flags, io);
  const outcomes = await scanImages({
    ...base,
    images,
    ...policy === void 0 ? {} : { policy },
    overrides: {
      ...flags.failOnGiven === void 0 ? {} : { failOn: flags.failOnGiven },
      ...flags.mode === void 0 ? {} : { mode: flags.mode }
    },
    ...flags.baseline === void 0 ? {} : { baselinePath: resolve6(io.cwd, flags.baseline) },
    ...cacheDir === void 0 ? {} : { cacheDir },
    concurrency: flags.concurrency ?? availableParallelism(),
    now: /* @__PURE__ */ new Date()
  });
  finishProgress();
  if (images.length === 1) {
    const only = outcomes[0];
    if (only?.outcome === void 0) throw only?.error ?? new Error("no outcome");
    const { verdict, summaryMarkdown, outDir } = only.outcome;
    if (!flags.quiet) io.stdout.write(`${summaryMarkdown}
`);
    io.stdout.write(
      verdict.status === "pass" ? `scapgate: gate passed (${only.image})
` : `scapgate: gate FAILED (${only.image}): ${verdict.reasons.map((r) => r.message).join("; ")}
`
    );
    io.stderr.write(`Outputs in ${outDir}
`);
    return verdict.status === "pass" ? ExitCode.GatePassed : ExitCode.GateFailed;
  }
  const verdicts = imageVerdicts(outcomes);
  const summary = renderAggregateSummary(verdicts);
  await mkdir13(base.outDir, { recursive: true });
  await writeFile12(join30(base.outDir, "summary.md"), summary);
  if (!flags.quiet) io.stdout.write(`${summary}
`);
  for (const o of outcomes) {
    if (o.error !== void 0)
      io.stderr.write(
        `scapgate: ${o.image}: the scan could not complete: ${getErrorMessage(o.error)}
`
      );
    else
      io.stdout.write(
        `scapgate: gate ${o.outcome?.verdict.status === "pass" ? "passed" : "FAILED"} (${o.image})
`
      );
  }
  const status = aggregateStatus(verdicts);
  io.stdout.write(
    `scapgate: ${status === "pass" ? "gate passed" : status === "fail" ? "gate FAILED" : "gate FAILED: not every image was scanned"} (${images.length} images)
`
  );
  io.stderr.write(`Outputs in ${base.outDir}
`);
  return exitCodeFor(outcomes);
}

// packages/cli/src/console-logger.ts
function createConsoleLogger({ stream, verbose, quiet }) {
  const write = (prefix, message) => {
    const text3 = message instanceof Error ? message.message : message;
    stream.write(`${prefix}${text3}
`);
  };
  return {
    debug: (message) => {
      if (verbose) write("debug: ", message);
    },
    info: (message) => {
      if (!quiet) write("", message);
    },
    warning: (message) => write("warning: ", message),
    error: (message) => write("error: ", message),
    startGroup: (name) => {
      if (!quiet) write("", `== ${name}`);
    },
    endGroup: () => {
    }
  };
}

// packages/cli/src/progress.ts
var labels = {
  reading: "Reading image",
  extracting: "Extracting layers",
  scanning: "Scanning with OpenSCAP",
  reporting: "Writing reports"
};
function formatBytes(bytes) {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
function createProgress(stream, quiet) {
  const tty = stream.isTTY === true;
  let current;
  let detail = "";
  let lastDraw = 0;
  const endLine = () => {
    if (tty && current !== void 0) stream.write("\n");
  };
  return {
    phase(phase, phaseDetail) {
      if (quiet) return;
      endLine();
      current = phase;
      detail = phaseDetail === void 0 ? "" : ` ${phaseDetail}`;
      const line = `${labels[phase]}${detail}`;
      stream.write(tty ? `\r\x1B[2K${line}\u2026` : `${line}
`);
    },
    progress(phase, done, total) {
      if (quiet || !tty || phase !== current) return;
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      const amount = phase === "extracting" ? formatBytes(done) : total === void 0 ? `${done}` : `${done}/${total}`;
      stream.write(`\r\x1B[2K${labels[phase]}${detail}\u2026 ${amount}`);
    },
    finish() {
      if (!quiet) endLine();
      current = void 0;
    }
  };
}

// packages/cli/src/version.ts
var scapgateVersion = true ? "0.1.0" : "0.1.0-dev";

// packages/cli/src/commands/scan.ts
var usage2 = `Usage: scapgate scan IMAGE... [options]

Scan a container image with OpenSCAP and gate on the result.

IMAGE
  docker-archive:PATH[:REF]   a tarball from \`docker save\` or \`podman save\`
  oci-archive:PATH[:REF]      a tar of an OCI image layout
  oci:DIR[:REF]               an OCI image layout directory
  docker-daemon:NAME[:TAG]    an image in the Docker daemon (DOCKER_HOST=unix://\u2026 honoured)
  podman:NAME[:TAG]           an image in podman's local store
  [docker://]REGISTRY/NAME[:TAG][@sha256:DIGEST]
                              an image in a registry (\`alpine\` means docker.io/library/alpine:latest)

Options
  --content DS.xml            SCAP data stream (default: chosen from the image's /etc/os-release)
  --profile ID|SHORT          XCCDF profile id or short name (default: standard)
  --tailoring FILE            XCCDF tailoring file
  --dockerfile PATH           Dockerfile that findings point at (default: ./Dockerfile if it exists)
  --out DIR                   output directory (default: ./scapgate-out)
  --fail-on low|medium|high|never
                              lowest severity of a failing rule that fails the gate (default: medium)
  --platform os/arch[/variant]
                              platform to pick from a multi-platform index (default: linux/amd64)
  --timeout SECONDS           oscap time limit (default: 1800)
  --verbose                   debug output
  --quiet                     errors and the verdict only

Known vulnerabilities (docs/cves.md)
  --cves                      also scan for CVEs with the distribution's OVAL feed (or the
                              policy's \`cves: {enabled: true}\`; these flags win over its values)
  --feed FILE|URL             use this OVAL feed (.xml or .xml.bz2) instead of the distribution's
  --feed-cache DIR            keep downloaded feeds here, by content; revalidated on each run
  --max-feed-age DAYS         warn when the feed is older (default 7; \`36h\` works too;
                              the policy's \`stale-feed: fail\` fails instead)
  --cve-fail-on critical|high|medium|low|never
                              lowest CVE severity that fails the gate (default: high)
  --ignore-unfixed            CVEs without a fixed version do not gate

Policy and many images (docs/policy.md)
  --policy FILE               policy file (default: ./scapgate.yml if it exists)
  --baseline FILE|DIR         earlier results.json, ARF or \`scapgate baseline\` file (a directory
                              of <image-slug>.json with several images)
  --mode absolute|ratchet     ratchet: fail only on changes against the baseline
  --images FILE               more images, one per line
  --concurrency N             images scanned at once (default: number of cores)
  --no-cache                  do not reuse or store results in the result cache
  With several images each gets --out/<image-slug>/, plus one summary.md in --out.
  The result cache lives in --cache-dir/results (default $XDG_CACHE_HOME/scapgate or
  ~/.cache/scapgate).

Registry options
  --ca-file PEM               extra CA certificates for registry TLS
  --insecure-registry HOST[:PORT]
                              talk plain http to this registry (repeatable)
  --cache-dir DIR             content-addressed blob cache reused across scans
  --username NAME             registry username (the password comes from --password-stdin)
  --password-stdin            read the registry password from stdin
  Credentials otherwise come from SCAPGATE_REGISTRY_USERNAME/SCAPGATE_REGISTRY_PASSWORD,
  REGISTRY_AUTH_FILE, or $DOCKER_CONFIG/config.json (default ~/.docker/config.json: auths,
  credHelpers, credsStore). SCAPGATE_CACHE_DIR sets a default --cache-dir.
`;
function parseScan(argv) {
  const { values, positionals } = parseFlags(argv, {
    content: { type: "string" },
    profile: { type: "string" },
    tailoring: { type: "string" },
    dockerfile: { type: "string" },
    out: { type: "string" },
    "fail-on": { type: "string" },
    platform: { type: "string" },
    timeout: { type: "string" },
    verbose: { type: "boolean" },
    quiet: { type: "boolean" },
    "ca-file": { type: "string" },
    "insecure-registry": { type: "string", multiple: true },
    "cache-dir": { type: "string" },
    username: { type: "string" },
    "password-stdin": { type: "boolean" },
    policy: { type: "string" },
    baseline: { type: "string" },
    mode: { type: "string" },
    images: { type: "string" },
    concurrency: { type: "string" },
    "no-cache": { type: "boolean" },
    cves: { type: "boolean" },
    feed: { type: "string" },
    "feed-cache": { type: "string" },
    "max-feed-age": { type: "string" },
    "cve-fail-on": { type: "string" },
    "ignore-unfixed": { type: "boolean" }
  });
  const cves = parseCveFlags(values);
  if (positionals.length === 0 && values.images === void 0) {
    throw new UsageError("Expected an IMAGE argument after `scan`, got nothing");
  }
  rejectEmpty(values, ["policy", "baseline", "images"]);
  const concurrencyText = values.concurrency;
  if (concurrencyText !== void 0 && (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1)) {
    throw new UsageError(
      `Expected \`--concurrency\` to be a whole number \u2265 1, got \`${concurrencyText}\``
    );
  }
  const gate = {
    imagesFile: values.images,
    policy: values.policy,
    baseline: values.baseline,
    ...values.mode === void 0 ? {} : { mode: oneOf("--mode", values.mode, policyModes) },
    // The result cache keys on the image, not on the feed: a CVE scan is never served from it.
    noCache: values["no-cache"] === true || cves?.enabled === true,
    ...concurrencyText === void 0 ? {} : { concurrency: Number(concurrencyText) },
    ...values["fail-on"] === void 0 ? {} : { failOnGiven: oneOf("--fail-on", values["fail-on"], failOnValues) }
  };
  rejectEmpty(values, ["content", "profile", "tailoring", "dockerfile", "out", "platform"]);
  rejectEmpty(values, ["ca-file", "cache-dir", "username"]);
  const failOn = oneOf("--fail-on", values["fail-on"] ?? "medium", failOnValues);
  const timeoutText = values.timeout ?? "1800";
  if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1) {
    throw new UsageError(
      `Expected \`--timeout\` to be a whole number of seconds \u2265 1, got \`${timeoutText}\``
    );
  }
  return {
    image: positionals[0] ?? "",
    images: positionals,
    gate,
    content: values.content,
    profile: values.profile,
    tailoring: values.tailoring,
    dockerfile: values.dockerfile,
    out: values.out ?? "scapgate-out",
    failOn,
    platform: values.platform,
    timeoutSeconds: Number(timeoutText),
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    caFile: values["ca-file"],
    insecureRegistries: values["insecure-registry"] ?? [],
    cacheDir: values["cache-dir"],
    username: values.username,
    passwordStdin: values["password-stdin"] === true,
    ...cves === void 0 ? {} : { cves }
  };
}
function parseCveFlags(values) {
  const given = ["feed", "feed-cache", "max-feed-age", "cve-fail-on", "ignore-unfixed"];
  if (values.cves !== true && given.every((flag) => values[flag] === void 0)) return void 0;
  rejectEmpty(values, ["feed", "feed-cache"]);
  return {
    ...values.feed === void 0 ? {} : { feed: values.feed },
    ...values["feed-cache"] === void 0 ? {} : { feedCache: values["feed-cache"] },
    enabled: values.cves === true,
    // Only what was given: the rest comes from the policy's `cves:`, then the defaults.
    policy: {
      ...values["cve-fail-on"] === void 0 ? {} : { failOn: oneOf("--cve-fail-on", values["cve-fail-on"], cveFailOnValues) },
      ...values["ignore-unfixed"] === true ? { ignoreUnfixed: true } : {},
      ...values["max-feed-age"] === void 0 ? {} : { maxFeedAgeDays: parseFeedAge(values["max-feed-age"], "`--max-feed-age`") }
    }
  };
}
async function readPasswordStdin() {
  let text3 = "";
  for await (const chunk of process.stdin) {
    text3 += chunk.toString("utf8");
    if (text3.length > 64 * 1024) break;
  }
  const password = text3.replace(/\r?\n$/, "");
  if (password === "")
    throw new ConfigurationError("Expected a password on stdin for `--password-stdin`, got nothing");
  return password;
}
async function runScan(command, io) {
  const logger = createConsoleLogger({
    stream: io.stderr,
    verbose: command.verbose,
    quiet: command.quiet
  });
  const progress = createProgress(io.stderr, command.quiet);
  try {
    const sources = sourceSettings(
      {
        caFile: command.caFile === void 0 ? void 0 : resolve7(io.cwd, command.caFile),
        insecureRegistries: command.insecureRegistries,
        cacheDir: command.cacheDir === void 0 ? void 0 : resolve7(io.cwd, command.cacheDir),
        username: command.username,
        password: command.passwordStdin ? await readPasswordStdin() : void 0
      },
      io.env
    );
    const base = {
      ...sources,
      contentPath: command.content === void 0 ? void 0 : resolve7(io.cwd, command.content),
      profile: command.profile,
      tailoringPath: command.tailoring === void 0 ? void 0 : resolve7(io.cwd, command.tailoring),
      outDir: resolve7(io.cwd, command.out),
      failOn: command.failOn,
      platform: command.platform === void 0 ? void 0 : parsePlatform(command.platform),
      timeoutMs: command.timeoutSeconds * 1e3,
      environment: loadEnvironment(io.env),
      dockerfile: dockerfileFlag(command.dockerfile, io.cwd),
      cwd: io.cwd,
      toolVersion: scapgateVersion,
      logger,
      progress,
      signal: io.signal,
      ...command.cves === void 0 ? {} : {
        cves: {
          ...command.cves,
          ...command.cves.feed === void 0 || /^https?:\/\//i.test(command.cves.feed) ? {} : { feed: resolve7(io.cwd, command.cves.feed) },
          ...command.cves.feedCache === void 0 ? {} : { feedCache: resolve7(io.cwd, command.cves.feedCache) }
        }
      }
    };
    const flags = {
      ...command.gate,
      images: command.images,
      quiet: command.quiet,
      cacheDir: command.cacheDir
    };
    return await runGatedScan(flags, base, io, () => progress.finish());
  } catch (error) {
    progress.finish();
    const code = exitCodeForError(error);
    const kind = code === ExitCode.Usage ? error instanceof ConfigurationError ? "configuration error" : "usage error" : code === ExitCode.Interrupted ? "interrupted" : "the scan could not complete";
    io.stderr.write(`scapgate: ${kind}: ${getErrorMessage(error)}
`);
    if (command.verbose && error instanceof Error && error.stack !== void 0) {
      io.stderr.write(`${error.stack}
`);
    }
    return code;
  }
}
var scanCommandSpec = {
  name: "scan",
  summary: "scan an image and gate on the result",
  usage: usage2,
  parse: parseScan,
  run: runScan
};

// packages/cli/src/commands/baseline.ts
import { mkdtemp as mkdtemp8, rm as rm11, writeFile as writeFile13 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join31, resolve as resolve8 } from "node:path";
var scanFlagSpec = {
  content: { type: "string" },
  profile: { type: "string" },
  tailoring: { type: "string" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  verbose: { type: "boolean" }
};
function readScanFlags(values) {
  rejectEmpty(values, ["content", "profile", "tailoring", "cache-dir"]);
  const text3 = (key) => {
    const value = values[key];
    return typeof value === "string" ? value : void 0;
  };
  return {
    ...text3("content") === void 0 ? {} : { content: text3("content") },
    ...text3("profile") === void 0 ? {} : { profile: text3("profile") },
    ...text3("tailoring") === void 0 ? {} : { tailoring: text3("tailoring") },
    ...text3("cache-dir") === void 0 ? {} : { cacheDir: text3("cache-dir") },
    noCache: values["no-cache"] === true,
    verbose: values["verbose"] === true
  };
}
var imageTransport = /^(docker-archive|oci-archive|oci|docker-daemon|podman):|^docker:\/\//;
function isImageArgument(arg) {
  return imageTransport.test(arg);
}
async function scanToBaselines(images, flags, io) {
  const logger = createConsoleLogger({ stream: io.stderr, verbose: flags.verbose, quiet: false });
  const progress = createProgress(io.stderr, false);
  const out = await mkdtemp8(join31(tmpdir4(), "scapgate-baseline-"));
  try {
    const cacheDir = cacheDirFlag(flags, io);
    const outcomes = await scanImages({
      images: [...images],
      outDir: out,
      ...flags.content === void 0 ? {} : { contentPath: resolve8(io.cwd, flags.content) },
      ...flags.profile === void 0 ? {} : { profile: flags.profile },
      ...flags.tailoring === void 0 ? {} : { tailoringPath: resolve8(io.cwd, flags.tailoring) },
      failOn: "never",
      timeoutMs: 1800 * 1e3,
      environment: loadEnvironment(io.env),
      cwd: io.cwd,
      toolVersion: scapgateVersion,
      logger,
      progress,
      signal: io.signal,
      overrides: { failOn: "never", mode: "absolute" },
      ...cacheDir === void 0 ? {} : { cacheDir },
      concurrency: 2,
      now: /* @__PURE__ */ new Date()
    });
    progress.finish();
    return outcomes.map((o) => {
      if (o.outcome === void 0) throw o.error;
      return baselineFromResults(o.outcome.results, o.image);
    });
  } finally {
    await rm11(out, { recursive: true, force: true });
  }
}
var usage3 = `Usage: scapgate baseline IMAGE|RESULTS [--output FILE] [options]

Write a baseline file for \`scan --baseline\`: one line per rule with its result, sorted, no
timestamps, so that it is small, stable and diffs well. Commit it, or keep it in CI storage.

IMAGE is scanned (the result cache applies); RESULTS is an earlier results.json, ARF or baseline.

Options
  --output FILE          where to write it (default: stdout)
  --content DS.xml, --profile ID, --tailoring FILE, --cache-dir DIR, --no-cache, --verbose
                         as for \`scan\`
`;
function parseBaselineCommand(argv) {
  const { values, positionals } = parseFlags(argv, { ...scanFlagSpec, output: { type: "string" } });
  if (positionals.length !== 1) {
    throw new UsageError(
      `Expected one IMAGE or RESULTS argument after \`baseline\`, got ${positionals.length}`
    );
  }
  rejectEmpty(values, ["output"]);
  return {
    source: positionals[0],
    ...values.output === void 0 ? {} : { output: values.output },
    scan: readScanFlags(values)
  };
}
async function runBaseline(command, io) {
  try {
    const data = isImageArgument(command.source) ? (await scanToBaselines([command.source], command.scan, io))[0] : await readBaseline(resolve8(io.cwd, command.source), command.source);
    const text3 = serializeBaseline(data);
    if (command.output === void 0) io.stdout.write(text3);
    else {
      await writeFile13(resolve8(io.cwd, command.output), text3);
      io.stderr.write(
        `Baseline of ${command.source} written to ${command.output} (${data.rules.size} rules)
`
      );
    }
    return ExitCode.GatePassed;
  } catch (error) {
    io.stderr.write(`scapgate baseline: ${getErrorMessage(error)}
`);
    return exitCodeForError(error);
  }
}
var baselineCommandSpec = {
  name: "baseline",
  summary: "write a small, stable baseline file from a scan or a results.json",
  usage: usage3,
  parse: parseBaselineCommand,
  run: runBaseline
};

// packages/cli/src/commands/compare.ts
import { resolve as resolve9 } from "node:path";
var kinds = [
  "new-failure",
  "regression",
  "fixed",
  "newly-not-applicable",
  "new-rule",
  "still-failing"
];
var usage4 = `Usage: scapgate compare A B [options]

Compare two scans for drift between releases: A is the earlier one. Each of A and B is an image
(scanned, with the result cache) or an earlier results.json, ARF or baseline file. Lists new
failures, regressions (could not be checked any more), fixed rules, newly not applicable rules,
new rules and the score change.

Exit codes: 0 no new failure or regression, 1 some, 2 usage error, 3 a scan did not complete.

Options
  --json                 the comparison as JSON on stdout
  --content DS.xml, --profile ID, --tailoring FILE, --cache-dir DIR, --no-cache, --verbose
                         as for \`scan\`, for the images
`;
function parseCompare(argv) {
  const { values, positionals } = parseFlags(argv, { ...scanFlagSpec, json: { type: "boolean" } });
  if (positionals.length !== 2) {
    throw new UsageError(
      `Expected two arguments (A B) after \`compare\`, got ${positionals.length}`
    );
  }
  return {
    before: positionals[0],
    after: positionals[1],
    json: values.json === true,
    scan: readScanFlags(values)
  };
}
async function load(args, flags, io) {
  const images = args.filter(isImageArgument);
  const scanned = images.length === 0 ? [] : await scanToBaselines(images, flags, io);
  return Promise.all(
    args.map(
      (arg) => isImageArgument(arg) ? Promise.resolve(scanned[images.indexOf(arg)]) : readBaseline(resolve9(io.cwd, arg), arg)
    )
  );
}
async function runCompare(command, io) {
  let before;
  let after;
  try {
    ;
    [before, after] = await load([command.before, command.after], command.scan, io);
  } catch (error) {
    io.stderr.write(`scapgate compare: ${getErrorMessage(error)}
`);
    return exitCodeForError(error);
  }
  const changes = classifyRules(after.rules, before.rules, defaultCountAs);
  const byKind = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      [...changes].filter(([, k]) => k === kind).map(([id]) => id).sort()
    ])
  );
  const worse = (byKind["new-failure"]?.length ?? 0) + (byKind["regression"]?.length ?? 0);
  if (command.json) {
    io.stdout.write(
      `${JSON.stringify({ before: { source: before.source, score: before.score }, after: { source: after.source, score: after.score }, changes: byKind }, null, 2)}
`
    );
  } else {
    const score = (s) => s === void 0 ? "n/a" : s.toFixed(2);
    const lines2 = [
      `## scapgate compare`,
      "",
      `${before.source} \u2192 ${after.source}: score ${score(before.score)} \u2192 ${score(after.score)}`,
      ""
    ];
    for (const kind of kinds) {
      const ids2 = byKind[kind] ?? [];
      lines2.push(
        `- ${kind}: ${ids2.length}${ids2.length > 0 && kind !== "still-failing" ? ` (${ids2.slice(0, 50).map((id) => id.replace(/^.*_rule_/, "")).join(", ")}${ids2.length > 50 ? ", \u2026" : ""})` : ""}`
      );
    }
    io.stdout.write(`${lines2.join("\n")}
`);
  }
  if (before.profileId !== void 0 && after.profileId !== void 0 && before.profileId !== after.profileId) {
    io.stderr.write(
      `scapgate compare: warning: the profiles differ (${before.profileId} vs ${after.profileId})
`
    );
  }
  return worse > 0 ? ExitCode.GateFailed : ExitCode.GatePassed;
}
var compareCommandSpec = {
  name: "compare",
  summary: "compare two images or two results for drift",
  usage: usage4,
  parse: parseCompare,
  run: runCompare
};

// packages/cli/src/commands/report.ts
import { existsSync as existsSync2 } from "node:fs";
import { resolve as resolve10 } from "node:path";
var usage5 = `Usage: scapgate report ARF.xml [options]

Render every output (results.json, results.sarif, junit.xml, codequality.json, summary.md,
report.html, fixes/) from an existing ARF, without scanning again.

Findings point at the Dockerfile instruction that caused them only when the layers can be read:
give the scanned image with --image. Without it, every finding points at the Dockerfile's final
FROM line and says that no layer bookkeeping was available. When results.json sits beside the ARF
(a scapgate output directory), the image names come from it, so fingerprints match the scan's.

Options
  --dockerfile PATH     Dockerfile that findings point at (default: ./Dockerfile if it exists)
  --image IMAGE         the scanned image (docker-archive:\u2026, oci-archive:\u2026, oci:\u2026), for blame
  --platform os/arch    platform to pick from a multi-platform --image
  --out DIR             output directory (default: ./scapgate-out)
  --fail-on low|medium|high|never
                        gate threshold (default: medium)
  --no-oscap            do not run oscap (no report.html, no fixes/)
  --verbose, --quiet
`;
function parseReport(argv) {
  const { values, positionals } = parseFlags(argv, {
    dockerfile: { type: "string" },
    image: { type: "string" },
    platform: { type: "string" },
    out: { type: "string" },
    "fail-on": { type: "string" },
    "no-oscap": { type: "boolean" },
    verbose: { type: "boolean" },
    quiet: { type: "boolean" }
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      `Expected one ARF file after \`report\`, got ${positionals.length === 0 ? "nothing" : positionals.join(" ")}`
    );
  }
  rejectEmpty(values, ["dockerfile", "image", "platform", "out"]);
  return {
    arf: positionals[0],
    dockerfile: values.dockerfile,
    image: values.image,
    platform: values.platform,
    out: values.out ?? "scapgate-out",
    failOn: oneOf("--fail-on", values["fail-on"] ?? "medium", failOnValues),
    noOscap: values["no-oscap"] === true,
    verbose: values.verbose === true,
    quiet: values.quiet === true
  };
}
async function runReport(command, io) {
  const logger = createConsoleLogger({
    stream: io.stderr,
    verbose: command.verbose,
    quiet: command.quiet
  });
  const arfPath = resolve10(io.cwd, command.arf);
  const dockerfile = dockerfileFlag(command.dockerfile, io.cwd);
  const environment = loadEnvironment(io.env);
  let outcome;
  try {
    if (!existsSync2(arfPath))
      throw new ConfigurationError(
        `Expected ARF.xml to name a readable file, got \`${command.arf}\` (not found)`
      );
    outcome = await reportFromArf({
      arfPath,
      outDir: resolve10(io.cwd, command.out),
      ...dockerfile === void 0 ? {} : { dockerfile },
      ...command.image === void 0 ? {} : { image: command.image },
      ...command.platform === void 0 ? {} : { platform: parsePlatform(command.platform) },
      failOn: command.failOn,
      skipOscap: command.noOscap,
      cwd: io.cwd,
      tmpDir: environment.tmpDir,
      ...environment.oscapPath === void 0 ? {} : { oscapPath: environment.oscapPath },
      toolVersion: scapgateVersion,
      logger,
      signal: io.signal
    });
  } catch (error) {
    io.stderr.write(`scapgate report: ${getErrorMessage(error)}
`);
    return exitCodeForError(error);
  }
  if (!command.quiet) io.stdout.write(`${outcome.summaryMarkdown}
`);
  io.stderr.write(`Outputs in ${resolve10(io.cwd, command.out)}
`);
  return outcome.verdict.status === "pass" ? ExitCode.GatePassed : ExitCode.GateFailed;
}
var reportCommandSpec = {
  name: "report",
  summary: "render every output from an existing ARF, without rescanning",
  usage: usage5,
  parse: parseReport,
  run: runReport
};

// packages/cli/src/commands/index.ts
var commands = [
  scanCommandSpec,
  baselineCommandSpec,
  compareCommandSpec,
  reportCommandSpec,
  gitLabNoteCommandSpec
];

// packages/cli/src/commands/version.ts
async function printVersion(io) {
  const environment = loadEnvironment(io.env);
  const tools = await describeToolVersions(environment);
  io.stdout.write(
    [
      `scapgate ${scapgateVersion}`,
      `oscap ${tools.oscap ?? "not installed (apt-get install openscap-scanner)"}`,
      tools.dataStreams > 0 ? `scap-security-guide ${tools.contentVersion ?? "unknown version"} (${tools.dataStreams} data streams in ${tools.contentDir})` : `scap-security-guide not installed in ${tools.contentDir} (apt-get install ssg-debian ssg-nondebian)`
    ].join("\n") + "\n"
  );
}

// packages/cli/src/main.ts
function topUsage() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: scapgate COMMAND [options]

Commands
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

  scapgate COMMAND --help     options of a command
  scapgate --version          versions of scapgate, oscap and the SCAP content

Exit codes
  0  the gate passed
  1  the gate failed
  2  usage or configuration error
  3  the scan could not complete (bad image, oscap error, timeout)
  130  interrupted
`;
}
async function run2(argv, io) {
  const [first, ...rest] = argv;
  if (first === "--version" || first === "version") {
    await printVersion(io);
    return ExitCode.GatePassed;
  }
  if (first === void 0 || first === "-h" || first === "--help" || first === "help") {
    io.stdout.write(topUsage());
    return ExitCode.GatePassed;
  }
  const spec = commands.find((c) => c.name === first);
  if (spec === void 0) {
    io.stderr.write(
      `scapgate: Expected a command (${commands.map((c) => c.name).join(", ")}), got \`${first}\`

${topUsage()}`
    );
    return ExitCode.Usage;
  }
  if (rest.includes("-h") || rest.includes("--help")) {
    io.stdout.write(spec.usage);
    return ExitCode.GatePassed;
  }
  let command;
  try {
    command = spec.parse(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`scapgate ${spec.name}: ${error.message}

${spec.usage}`);
      return ExitCode.Usage;
    }
    throw error;
  }
  return spec.run(command, io);
}
async function runWrapper() {
  const controller = new AbortController();
  const onSignal = (signal) => {
    if (controller.signal.aborted) {
      process.exit(ExitCode.Interrupted);
    }
    process.stderr.write(`
scapgate: ${signal} received, cleaning up\u2026
`);
    controller.abort(new Error(signal));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    process.exitCode = await run2(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      signal: controller.signal
    });
  } catch (error) {
    process.stderr.write(`scapgate: internal error: ${getErrorMessage(error)}
`);
    if (error instanceof Error && error.stack !== void 0 && process.env["SCAPGATE_DEBUG"] === "1") {
      process.stderr.write(`${error.stack}
`);
    }
    process.exitCode = exitCodeForError(error);
  }
}

// packages/cli/src/index.ts
void runWrapper();
