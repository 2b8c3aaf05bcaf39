#!/usr/bin/env node
// Reference pose landmarks from MediaPipe Tasks Vision (npm @mediapipe/tasks-vision 0.10.21,
// model pose_landmarker_full.task) running in Debian's chromium, headless, CPU delegate,
// IMAGE mode. Writes one JSON file per image (README.md describes the format); these are
// the goldens OpenPT's pose engine is tested against, and the timings its speed is compared
// with. Everything is served from local files: no network is needed once setup.sh ran.
//
//   node reference.mjs --out DIR [--repeat N] [--name-parent] [--model FILE.task] IMAGE...
import { createServer } from "node:http";
import { readFile, mkdir, writeFile, stat } from "node:fs/promises";
import { basename, extname, join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { homedir } from "node:os";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const TASKS_VISION_VERSION = "0.10.21";

function usage(message) {
  if (message) console.error(`reference.mjs: ${message}`);
  console.error(
    "usage: node reference.mjs --out DIR [--repeat N] [--name-parent] [--model FILE.task]\n" +
      "                          [--chromium PATH] IMAGE...",
  );
  process.exit(2);
}

function parseArgs(argv) {
  const modelDir = process.env.OPENPT_MODEL_DIR || join(homedir(), ".cache/openpt/models");
  const options = {
    out: null,
    repeat: 1,
    model: join(modelDir, "pose_landmarker_full.task"),
    chromium: process.env.CHROMIUM || "/usr/bin/chromium",
    nameParent: false,
    images: [],
  };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${arg} needs a value`));
    if (arg === "--out") options.out = value();
    else if (arg === "--repeat") options.repeat = Number(value());
    else if (arg === "--model") options.model = value();
    else if (arg === "--chromium") options.chromium = value();
    else if (arg === "--name-parent") options.nameParent = true;
    else if (arg === "--help" || arg === "-h") usage();
    else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
    else options.images.push(arg);
  }
  if (!options.out) usage("--out DIR is required");
  if (!Number.isInteger(options.repeat) || options.repeat < 1) usage("--repeat must be >= 1");
  if (options.images.length === 0) usage("no images given");
  return options;
}

const contentTypes = {
  ".html": "text/html",
  ".mjs": "text/javascript",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
};

// Serves the page, Tasks Vision, the model and the images (by index) on 127.0.0.1.
function serve(options) {
  const tasksVision = join(here, "node_modules/@mediapipe/tasks-vision");
  const route = (url) => {
    if (url === "/" || url === "/page.html") return join(here, "page.html");
    if (url === "/model.task") return options.model;
    if (url.startsWith("/tasks-vision/")) {
      const rest = url.slice("/tasks-vision/".length);
      if (rest.includes("..")) return null;
      return join(tasksVision, rest);
    }
    const m = url.match(/^\/image\/(\d+)$/);
    if (m && Number(m[1]) < options.images.length) return options.images[Number(m[1])];
    return null;
  };
  const server = createServer(async (req, res) => {
    const file = route(new URL(req.url, "http://localhost").pathname);
    try {
      if (!file) throw new Error("not found");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": contentTypes[extname(file).toLowerCase()] || "application/octet-stream",
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolveServer) =>
    server.listen(0, "127.0.0.1", () => resolveServer(server)),
  );
}

// JSON with one landmark per line: readable diffs, a few kB per image. Values keep 7
// significant digits (float32 has ~7; 1e-7 of an image is far below a pixel).
function format(record) {
  const round = (v) => (typeof v === "number" ? Number(v.toPrecision(7)) : v);
  const rows = (list) => list.map((row) => `    ${JSON.stringify(row.map(round))}`).join(",\n");
  const poses = record.poses
    .map(
      (p) =>
        `  {"landmarks": [\n${rows(p.landmarks)}\n   ],\n   "world": [\n${rows(p.world)}\n   ]}`,
    )
    .join(",\n");
  const head = Object.entries(record)
    .filter(([key]) => key !== "poses")
    .map(([key, value]) => ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(",\n");
  return `{\n${head},\n "poses": [\n${poses}\n ]\n}\n`;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  options.images = options.images.map((f) => resolve(f));
  for (const f of [options.model, options.chromium, ...options.images]) {
    try {
      await stat(f);
    } catch {
      console.error(`reference.mjs: ${f}: not found${f === options.model ? " (run setup.sh)" : ""}`);
      process.exit(2);
    }
  }
  await mkdir(options.out, { recursive: true });
  const server = await serve(options);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ["--no-sandbox"],
  });
  let status = 0;
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error(`reference.mjs: page error: ${e.message}`));
    await page.goto(`${base}/page.html`);
    await page.waitForFunction(() => typeof window.setUp === "function");
    await page.evaluate((o) => window.setUp(o), {
      numPoses: 1,
      minDetection: 0.5,
      minPresence: 0.5,
    });
    const userAgent = await page.evaluate(() => navigator.userAgent);
    for (let i = 0; i < options.images.length; ++i) {
      const file = options.images[i];
      // <stem>.json, or <parent folder>_<stem>.json for folders of 0.jpg, 1.jpg, ...
      const stem = basename(file, extname(file));
      const name = options.nameParent ? `${basename(dirname(file))}_${stem}` : stem;
      try {
        const r = await page.evaluate(([url, repeat]) => window.detect(url, repeat), [
          `${base}/image/${i}`,
          options.repeat,
        ]);
        const record = {
          schema: "openpt.tasks_vision_reference/1",
          generator: `@mediapipe/tasks-vision ${TASKS_VISION_VERSION}, ${basename(options.model)}, CPU delegate, IMAGE mode`,
          browser: userAgent,
          image: { file: basename(file), width: r.width, height: r.height },
          // landmarks: normalised x, y (0–1 of width/height), z, visibility, presence
          // world: metres, origin between the hips
          poses: r.poses,
        };
        // Timings only when asked for (--repeat > 1), so goldens do not change run to run.
        if (options.repeat > 1) {
          record.ms = { median: median(r.times), runs: r.times.length, first: r.times[0] };
        }
        await writeFile(join(options.out, `${name}.json`), format(record));
        console.log(
          `${basename(file)}: ${r.poses.length} pose(s), ${r.width}x${r.height}, ` +
            `${median(r.times).toFixed(1)} ms median of ${r.times.length}`,
        );
      } catch (e) {
        console.error(`reference.mjs: ${file}: ${e.message.split("\n")[0]}`);
        status = 1;
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(status);
}

main().catch((e) => {
  console.error(`reference.mjs: ${e.message}`);
  process.exit(1);
});
