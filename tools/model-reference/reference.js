// Runs the BlazePose .tflite models in TensorFlow Lite's own C++ runtime, compiled to
// WebAssembly and published in npm @tensorflow/tfjs-tflite, on a deterministic synthetic
// image, and writes their raw outputs as OpenPT test references (README.md beside this file).
//
//   node reference.js [--models DIR] [--out DIR]
//
// The package's browser loader is bypassed: its Emscripten module is instantiated directly in
// Node, so nothing but this package and the model files is needed (no browser, no network).
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const wasmDir = path.join(__dirname, 'node_modules/@tensorflow/tfjs-tflite/wasm');
const tfliteVersion = require('@tensorflow/tfjs-tflite/package.json').version;

const models = [
  {file: 'pose_detection.tflite', size: 224},
  {file: 'pose_landmark_lite.tflite', size: 256},
  {file: 'pose_landmark_full.tflite', size: 256},
  {file: 'pose_landmark_heavy.tflite', size: 256},
];
const kSeed = 1;
const kTargetSamples = 1024;  // values kept per output; the rest is summarised

function parseArgs(argv) {
  const home = process.env.HOME || '';
  const args = {
    models: process.env.OPENPT_MODEL_DIR || path.join(home, '.cache/openpt/models'),
    out: path.join(__dirname, '../../tests/vision/data'),
  };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || i + 1 >= argv.length) {
      console.error(`usage: node reference.js [--models DIR] [--out DIR] (bad argument ${argv[i]})`);
      process.exit(2);
    }
    args[key] = argv[i + 1];
  }
  return args;
}

// openpt.synthetic-image/1: an RGB image (three discs on a gradient, plus hashed noise) in
// integers, then divided by 255. tests/vision/synthetic_image.h computes the same values.
function hash32(x) {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function syntheticImage(height, width, seed) {
  const discs = [
    {cx: Math.floor(width * 3 / 8), cy: Math.floor(height / 4), r: Math.floor(width / 8),
     rgb: [200, 160, 140]},
    {cx: Math.floor(width / 2), cy: Math.floor(height * 9 / 16), r: Math.floor(width / 5),
     rgb: [40, 80, 160]},
    {cx: Math.floor(width * 3 / 4), cy: Math.floor(height * 13 / 16), r: Math.floor(width / 10),
     rgb: [30, 30, 30]},
  ];
  const data = new Float32Array(height * width * 3);
  let u8Sum = 0;
  for (let y = 0; y < height; ++y) {
    for (let x = 0; x < width; ++x) {
      for (let c = 0; c < 3; ++c) {
        let v = Math.floor(x * 150 / width) + Math.floor(y * 70 / height) + c * 20;
        for (const d of discs) {
          const dx = x - d.cx, dy = y - d.cy;
          if (dx * dx + dy * dy <= d.r * d.r) v = d.rgb[c];
        }
        const index = (y * width + x) * 3 + c;
        const h = hash32((index + Math.imul(seed, 0x9e3779b9)) >>> 0);
        v += ((h >>> 24) & 15) - 8;
        v = Math.min(255, Math.max(0, v));
        u8Sum += v;
        data[index] = v / 255;
      }
    }
  }
  return {data, u8Sum};
}

async function loadRuntime(variant) {
  const js = fs.readFileSync(path.join(wasmDir, `tflite_web_api_cc${variant}.js`), 'utf8');
  // The module expects a worker or a page; a worker-like global is enough for it to load.
  globalThis.self = globalThis;
  globalThis.importScripts = globalThis.importScripts || (() => {});
  globalThis.location = {href: 'file://' + wasmDir + '/'};
  const factory = new Function(js + '\nreturn tflite_web_api_ModuleFactory;')();
  return factory({
    wasmBinary: fs.readFileSync(path.join(wasmDir, `tflite_web_api_cc${variant}.wasm`)),
    print: () => {},
    printErr: () => {},
  });
}

function vectorToArray(v) {
  const out = [];
  for (let i = 0; i < v.size(); ++i) out.push(v.get(i));
  v.delete();
  return out;
}

function runModel(runtime, bytes, input) {
  const pointer = runtime._malloc(bytes.length);
  runtime.HEAPU8.set(bytes, pointer);
  const created = runtime.TFLiteWebModelRunner.CreateFromBufferAndOptions(
      pointer, bytes.length, {numThreads: 1, enableProfiling: false, maxProfilingBufferEntries: 1});
  if (!created.ok()) throw new Error(`TFLite could not load the model: ${created.errorMessage()}`);
  const runner = created.value();
  const inputs = vectorToArray(runner.GetInputs());
  if (inputs.length !== 1 || inputs[0].data().length !== input.length) {
    throw new Error('unexpected model input');
  }
  inputs[0].data().set(input);
  if (!runner.Infer()) throw new Error('TFLite inference failed');
  const outputs = vectorToArray(runner.GetOutputs()).map(t => ({
    name: t.name,
    shape: t.shape.split(',').map(Number),
    data: Float32Array.from(t.data()),
  }));
  runtime._free(pointer);
  return outputs;
}

// The shortest decimal that reads back as the same float32.
function floatText(value) {
  for (let precision = 1; precision < 9; ++precision) {
    const text = value.toPrecision(precision);
    if (Math.fround(Number(text)) === value) return Number(text);
  }
  return Number(value.toPrecision(9));
}

function isPrime(n) {
  for (let d = 2; d * d <= n; ++d) if (n % d === 0) return false;
  return n >= 2;
}

// Every stride-th value: 1 for small outputs, else a prime (so the samples visit every
// channel of an NHWC tensor) giving about kTargetSamples values.
function sampleStride(count) {
  if (count <= 4 * kTargetSamples) return 1;
  let stride = Math.ceil(count / kTargetSamples);
  while (!isPrime(stride)) ++stride;
  return stride;
}

function summarise(output, other) {
  const data = output.data;
  const stride = sampleStride(data.length);
  let sum = 0, sumAbs = 0, min = Infinity, max = -Infinity, spread = 0;
  for (let i = 0; i < data.length; ++i) {
    sum += data[i];
    sumAbs += Math.abs(data[i]);
    min = Math.min(min, data[i]);
    max = Math.max(max, data[i]);
    spread = Math.max(spread, Math.abs(data[i] - other.data[i]));
  }
  const values = [];
  for (let i = 0; i < data.length; i += stride) values.push(floatText(data[i]));
  return {
    name: output.name,
    shape: output.shape,
    stride,
    values,
    sum,
    sum_abs: sumAbs,
    min: floatText(min),
    max: floatText(max),
    simd_vs_scalar_max_abs: spread,
  };
}

async function main() {
  const args = parseArgs(process.argv);
  const simd = await loadRuntime('_simd');
  const scalar = await loadRuntime('');
  fs.mkdirSync(args.out, {recursive: true});
  for (const model of models) {
    const file = path.join(args.models, model.file);
    if (!fs.existsSync(file)) {
      console.error(`${file}: not found (run scripts/fetch-models, or pass --models DIR)`);
      process.exit(2);
    }
    const bytes = fs.readFileSync(file);
    const image = syntheticImage(model.size, model.size, kSeed);
    const outputs = runModel(simd, bytes, image.data);
    const check = runModel(scalar, bytes, image.data);
    const reference = {
      schema: 'openpt.model-reference/1',
      model: model.file,
      model_sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      runtime: `TensorFlow Lite in npm @tensorflow/tfjs-tflite ${tfliteVersion} ` +
          '(WebAssembly SIMD build, XNNPACK delegate, 1 thread)',
      input: {
        generator: 'openpt.synthetic-image/1',
        seed: kSeed,
        shape: [1, model.size, model.size, 3],
        u8_sum: image.u8Sum,
      },
      note: 'values: every stride-th element of the flattened output; sum, sum_abs, min, max: ' +
          'of all elements; simd_vs_scalar_max_abs: largest difference between the SIMD and ' +
          'the scalar WebAssembly builds of the same runtime (summation-order noise)',
      outputs: outputs.map((o, i) => summarise(o, check[i])),
    };
    const outFile = path.join(args.out, model.file.replace('.tflite', '.reference.json'));
    fs.writeFileSync(outFile, JSON.stringify(reference) + '\n');
    const spreads = reference.outputs.map(o => `${o.name} ${o.simd_vs_scalar_max_abs.toExponential(2)}`);
    console.log(`${outFile}: ${spreads.join(', ')}`);
  }
}

main().catch(error => {
  console.error(error.message || error);
  process.exit(1);
});
