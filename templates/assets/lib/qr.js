/* hyteguide QR codes in the browser: the handout's code of the exact selection it lists
 * (handout.js), made when the choices change, as the page's address then exists only here.
 *
 * A QR code (ISO/IEC 18004) of a text in byte mode (UTF-8), error correction level M (15 % of
 * the code may be damaged, as the codes made at build time: hyteguide/pages/qr.py), the
 * smallest version (size) that holds it, and the mask of the lowest penalty. `matrix(text)`
 * gives the modules, `svg(text)` an SVG image of them with the quiet zone (4 modules of white),
 * one square a module: sharp at any size, on screen and on paper, and about 2 KB.
 * Our own code, so that the site needs no other npm package than its search's: a URL of a
 * handout is at most a few hundred bytes, which this small encoder covers (versions 1–40).
 * Works in browsers (window.hyteguideQr) and in node (require, for tests).
 */
(function (root, factory) {
  "use strict";
  var qr = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = qr;
  } else {
    root.hyteguideQr = qr;
  }
})(typeof globalThis === "object" ? globalThis : this, function () {
  "use strict";

  var QUIET_ZONE = 4;
  var FORMAT_M = 0; // level M's two bits in the format information
  /* Level M, per version (index 0 unused): error correction codewords a block, and blocks. */
  var ECC_PER_BLOCK = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28,
    26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
  var BLOCKS = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17,
    18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

  /* UTF-8 bytes of a text. */
  function utf8(text) {
    return Array.prototype.slice.call(new TextEncoder().encode(text));
  }

  /* Modules that can hold data (all but the function patterns) of a version, in bits. */
  function rawModules(version) {
    var result = (16 * version + 128) * version + 64;
    if (version >= 2) {
      var align = Math.floor(version / 7) + 2;
      result -= (25 * align - 10) * align - 55;
      if (version >= 7) {
        result -= 36;
      }
    }
    return result;
  }

  function dataCodewords(version) {
    return Math.floor(rawModules(version) / 8) - ECC_PER_BLOCK[version] * BLOCKS[version];
  }

  /* Centre rows and columns of a version's alignment patterns. */
  function alignmentPositions(version) {
    if (version === 1) {
      return [];
    }
    var count = Math.floor(version / 7) + 2;
    var step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
    var result = [6];
    for (var pos = version * 4 + 17 - 7; result.length < count; pos -= step) {
      result.splice(1, 0, pos);
    }
    return result;
  }

  /* -- Reed–Solomon over GF(256), polynomial 0x11D ------------------------------------------ */

  function multiply(x, y) {
    var z = 0;
    for (var i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  function divisor(degree) {
    var result = [];
    for (var i = 0; i < degree - 1; i++) {
      result.push(0);
    }
    result.push(1);
    var rootValue = 1;
    for (i = 0; i < degree; i++) {
      for (var j = 0; j < result.length; j++) {
        result[j] = multiply(result[j], rootValue);
        if (j + 1 < result.length) {
          result[j] ^= result[j + 1];
        }
      }
      rootValue = multiply(rootValue, 0x02);
    }
    return result;
  }

  function remainder(data, by) {
    var result = by.map(function () { return 0; });
    data.forEach(function (value) {
      var factor = value ^ result.shift();
      result.push(0);
      by.forEach(function (coefficient, i) {
        result[i] ^= multiply(coefficient, factor);
      });
    });
    return result;
  }

  /* The data codewords split into blocks, each with its error correction, interleaved. */
  function withCorrection(data, version) {
    var blocks = BLOCKS[version];
    var eccLength = ECC_PER_BLOCK[version];
    var raw = Math.floor(rawModules(version) / 8);
    var shortBlocks = blocks - raw % blocks;
    var shortLength = Math.floor(raw / blocks);
    var by = divisor(eccLength);
    var all = [];
    for (var i = 0, k = 0; i < blocks; i++) {
      var part = data.slice(k, k + shortLength - eccLength + (i < shortBlocks ? 0 : 1));
      k += part.length;
      var ecc = remainder(part, by);
      if (i < shortBlocks) {
        part.push(0); // a placeholder, skipped below
      }
      all.push(part.concat(ecc));
    }
    var result = [];
    for (i = 0; i < all[0].length; i++) {
      for (var j = 0; j < all.length; j++) {
        if (i !== shortLength - eccLength || j >= shortBlocks) {
          result.push(all[j][i]);
        }
      }
    }
    return result;
  }

  /* -- the symbol ------------------------------------------------------------------------- */

  function Code(version) {
    this.version = version;
    this.size = version * 4 + 17;
    this.dark = [];
    this.fixed = [];
    for (var y = 0; y < this.size; y++) {
      this.dark.push(new Array(this.size).fill(false));
      this.fixed.push(new Array(this.size).fill(false));
    }
  }

  Code.prototype.set = function (x, y, dark) {
    this.dark[y][x] = dark;
    this.fixed[y][x] = true;
  };

  Code.prototype.functionPatterns = function () {
    var size = this.size;
    var self = this;
    for (var i = 0; i < size; i++) { // timing patterns
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    [[3, 3], [size - 4, 3], [3, size - 4]].forEach(function (centre) { // finders, separators
      for (var dy = -4; dy <= 4; dy++) {
        for (var dx = -4; dx <= 4; dx++) {
          var x = centre[0] + dx;
          var y = centre[1] + dy;
          var distance = Math.max(Math.abs(dx), Math.abs(dy));
          if (x >= 0 && x < size && y >= 0 && y < size) {
            self.set(x, y, distance !== 2 && distance !== 4);
          }
        }
      }
    });
    var positions = alignmentPositions(this.version);
    var last = positions.length - 1;
    positions.forEach(function (cy, i) {
      positions.forEach(function (cx, j) {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) {
          return; // a finder is there
        }
        for (var dy = -2; dy <= 2; dy++) {
          for (var dx = -2; dx <= 2; dx++) {
            self.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
          }
        }
      });
    });
    this.format(0); // reserves its modules; written again with the chosen mask
    if (this.version >= 7) {
      var rest = this.version;
      for (i = 0; i < 12; i++) {
        rest = (rest << 1) ^ ((rest >>> 11) * 0x1f25);
      }
      var bits = this.version << 12 | rest;
      for (i = 0; i < 18; i++) {
        var bit = ((bits >>> i) & 1) !== 0;
        var a = size - 11 + i % 3;
        var b = Math.floor(i / 3);
        this.set(a, b, bit);
        this.set(b, a, bit);
      }
    }
  };

  Code.prototype.format = function (mask) {
    var data = FORMAT_M << 3 | mask;
    var rest = data;
    for (var i = 0; i < 10; i++) {
      rest = (rest << 1) ^ ((rest >>> 9) * 0x537);
    }
    var bits = (data << 10 | rest) ^ 0x5412;
    var size = this.size;
    function bit(n) {
      return ((bits >>> n) & 1) !== 0;
    }
    for (i = 0; i <= 5; i++) {
      this.set(8, i, bit(i));
    }
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (i = 9; i < 15; i++) {
      this.set(14 - i, 8, bit(i));
    }
    for (i = 0; i < 8; i++) {
      this.set(size - 1 - i, 8, bit(i));
    }
    for (i = 8; i < 15; i++) {
      this.set(8, size - 15 + i, bit(i));
    }
    this.set(8, size - 8, true); // the dark module
  };

  Code.prototype.place = function (codewords) {
    var size = this.size;
    var i = 0;
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) {
        right = 5; // the vertical timing pattern's column is skipped
      }
      for (var vertical = 0; vertical < size; vertical++) {
        for (var j = 0; j < 2; j++) {
          var x = right - j;
          var upward = ((right + 1) & 2) === 0;
          var y = upward ? size - 1 - vertical : vertical;
          if (!this.fixed[y][x] && i < codewords.length * 8) {
            this.dark[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) !== 0;
            i++;
          }
        }
      }
    }
  };

  var MASKS = [
    function (x, y) { return (x + y) % 2 === 0; },
    function (x, y) { return y % 2 === 0; },
    function (x) { return x % 3 === 0; },
    function (x, y) { return (x + y) % 3 === 0; },
    function (x, y) { return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0; },
    function (x, y) { return x * y % 2 + x * y % 3 === 0; },
    function (x, y) { return (x * y % 2 + x * y % 3) % 2 === 0; },
    function (x, y) { return ((x + y) % 2 + x * y % 3) % 2 === 0; }
  ];

  /* Flip the data modules where a mask says (applied twice, it is undone). */
  Code.prototype.mask = function (n) {
    for (var y = 0; y < this.size; y++) {
      for (var x = 0; x < this.size; x++) {
        if (!this.fixed[y][x] && MASKS[n](x, y)) {
          this.dark[y][x] = !this.dark[y][x];
        }
      }
    }
  };

  var FINDER_LIKE = [[true, false, true, true, true, false, true, false, false, false, false],
                     [false, false, false, false, true, false, true, true, true, false, true]];

  /* The standard's penalty of the symbol as it is (N1 runs, N2 blocks, N3 finder-like
     patterns, N4 balance of dark and light): the mask of the lowest one is used. */
  Code.prototype.penalty = function () {
    var size = this.size;
    var dark = this.dark;
    var score = 0;
    var darkCount = 0;
    function at(a, b, across) {
      return across ? dark[a][b] : dark[b][a];
    }
    [true, false].forEach(function (across) {
      for (var a = 0; a < size; a++) {
        var run = 1;
        for (var b = 0; b < size; b++) {
          if (b > 0 && at(a, b, across) === at(a, b - 1, across)) {
            run += 1;
            if (run === 5) {
              score += 3;
            } else if (run > 5) {
              score += 1;
            }
          } else {
            run = 1;
          }
          FINDER_LIKE.forEach(function (pattern) {
            if (b + pattern.length <= size && pattern.every(function (value, k) {
              return at(a, b + k, across) === value;
            })) {
              score += 40;
            }
          });
        }
      }
    });
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) {
        darkCount += dark[y][x] ? 1 : 0;
        if (x + 1 < size && y + 1 < size && dark[y][x] === dark[y][x + 1] &&
            dark[y][x] === dark[y + 1][x] && dark[y][x] === dark[y + 1][x + 1]) {
          score += 3;
        }
      }
    }
    var total = size * size;
    score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
    return score;
  };

  /* -- the whole code ---------------------------------------------------------------------- */

  /* The QR code of a text: {size, dark: rows of booleans, version, mask}. */
  function matrix(text) {
    var bytes = utf8(text);
    var version = 1;
    var countBits = 8;
    for (; version <= 40; version++) {
      countBits = version < 10 ? 8 : 16;
      if (4 + countBits + bytes.length * 8 <= dataCodewords(version) * 8) {
        break;
      }
    }
    if (version > 40) {
      throw new RangeError("too long for a QR code");
    }
    var bits = [];
    function append(value, length) {
      for (var i = length - 1; i >= 0; i--) {
        bits.push((value >>> i) & 1);
      }
    }
    append(4, 4); // byte mode
    append(bytes.length, countBits);
    bytes.forEach(function (value) { append(value, 8); });
    var capacity = dataCodewords(version) * 8;
    append(0, Math.min(4, capacity - bits.length)); // the terminator
    append(0, (8 - bits.length % 8) % 8);
    var codewords = [];
    for (var i = 0; i < bits.length; i += 8) {
      codewords.push(parseInt(bits.slice(i, i + 8).join(""), 2));
    }
    for (var pad = 0xec; codewords.length < capacity / 8; pad ^= 0xec ^ 0x11) {
      codewords.push(pad);
    }
    var symbol = new Code(version);
    symbol.functionPatterns();
    symbol.place(withCorrection(codewords, version));
    var best = 0;
    var lowest = Infinity;
    for (var n = 0; n < 8; n++) {
      symbol.mask(n);
      symbol.format(n);
      var score = symbol.penalty();
      if (score < lowest) {
        best = n;
        lowest = score;
      }
      symbol.mask(n);
    }
    symbol.mask(best);
    symbol.format(best);
    return { size: symbol.size, dark: symbol.dark, version: version, mask: best };
  }

  /* The QR code of a text as an SVG document: a square a dark module, quiet zone included. */
  function svg(text) {
    var code = matrix(text);
    var side = code.size + 2 * QUIET_ZONE;
    var path = [];
    code.dark.forEach(function (row, y) {
      row.forEach(function (isDark, x) {
        if (isDark) {
          path.push("M" + (x + QUIET_ZONE) + " " + (y + QUIET_ZONE) + "h1v1h-1z");
        }
      });
    });
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + side + " " + side +
      '" shape-rendering="crispEdges"><rect width="' + side + '" height="' + side +
      '" fill="#fff"/><path fill="#000" d="' + path.join("") + '"/></svg>';
  }

  /* The code as a data: URL for an <img>'s src. */
  function dataUrl(text) {
    return "data:image/svg+xml," + encodeURIComponent(svg(text));
  }

  return { matrix: matrix, svg: svg, dataUrl: dataUrl, QUIET_ZONE: QUIET_ZONE };
});
