#!/usr/bin/python3
"""Paired knee-flexion measurements for the `openpt validate` worked example (docs/stats.md).

For every deep-squat repetition (m01) of UI-PRMD in ../shared/data/ui-prmd-dev (correct and
incorrect, subjects s01-s05), OpenPT measures the peak knee flexion twice:
  reference  `openpt analyze` on the Kinect 3D world skeleton (3D angles);
  test       `openpt analyze` on the same frames seen by a virtual side-view camera: the
             joints projected through a pinhole camera (f = 1400 px, 1920x1080 image) 3 m to
             the subject's left at hip height, written as an openpt.pose/1 file with image
             landmarks only, so OpenPT measures in 2D as it would from a phone video.
It writes, into OUT_DIR:
  knee_3d.csv, knee_2d_side.csv  rep,subject,left_knee_peak_deg,right_knee_peak_deg
  squat_label.csv                rep,subject,deep_squat (1 = performed correctly, 0 = not)
  squat_score.csv                rep,subject,deep_squat (the 2D left-knee peak, as a score)
The data stay in ../shared/data; nothing is copied into the repository.

Usage: tools/validation-example/knee_pairs.py OPENPT_BINARY OUT_DIR [DATA_DIR]
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

JOINTS = ["waist", "spine", "chest", "neck", "head", "head_tip", "left_collar", "left_shoulder",
          "left_elbow", "left_wrist", "right_collar", "right_shoulder", "right_elbow",
          "right_wrist", "left_hip", "left_knee", "left_ankle", "left_toe", "right_hip",
          "right_knee", "right_ankle", "right_toe"]
WIDTH, HEIGHT, FOCAL_PX, DISTANCE_M = 1920, 1080, 1400.0, 3.0


def read_world(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return [(float(r["t_s"]), [(float(r[j + "_x"]), float(r[j + "_y"]), float(r[j + "_z"]))
                               for j in JOINTS]) for r in rows]


def side_view(frames, source):
    """openpt.pose/1 with normalised image landmarks from a pinhole camera on the left."""
    waist = [p[0] for _, p in frames]
    cx = sum(w[0] for w in waist) / len(waist) + DISTANCE_M  # camera on the subject's left (+x)
    cy = 1.0
    cz = sum(w[2] for w in waist) / len(waist)
    out = []
    for t, points in frames:
        image = []
        for x, y, z in points:
            depth = cx - x  # the camera looks along -x; image right is world -z, image down -y
            u = WIDTH / 2 + FOCAL_PX * (-(z - cz)) / depth
            v = HEIGHT / 2 + FOCAL_PX * (-(y - cy)) / depth
            image.append([u / WIDTH, v / HEIGHT])
        out.append({"t_s": t, "detected": True, "image": image})
    return {"schema": "openpt.pose/1", "skeleton": "kinect22", "source": source, "fps": 30,
            "camera_view": "side",
            "image": {"units": "normalized", "width": WIDTH, "height": HEIGHT,
                      "per_frame_normalized": False},
            "frames": out}


def peaks(openpt, path):
    run = subprocess.run([openpt, "analyze", path, "--exercise", "deep_squat", "--format", "json"],
                         capture_output=True, text=True, check=True)
    angles = json.loads(run.stdout)["angles"]
    return [angles[f"{side}_knee_flexion"]["max_deg"] for side in ("left", "right")]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    openpt, out_dir = sys.argv[1], sys.argv[2]
    data = sys.argv[3] if len(sys.argv) == 4 else os.environ.get(
        "OPENPT_SHARED_DATA", os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    root = os.path.join(data, "ui-prmd-dev")
    os.makedirs(out_dir, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in ("correct", "incorrect"):
            for name in sorted(os.listdir(os.path.join(root, folder))):
                if not name.startswith("m01_"):
                    continue
                path = os.path.join(root, folder, name)
                side = os.path.join(tmp, name.replace(".csv", ".json"))
                with open(side, "w") as f:
                    json.dump(side_view(read_world(path), name), f)
                rep = f"{folder}/{name[:-4]}"
                subject = name.split("_")[1]
                rows.append((rep, subject, folder == "correct", peaks(openpt, path),
                             peaks(openpt, side)))
    header = ["rep", "subject", "left_knee_peak_deg", "right_knee_peak_deg"]
    for file, index in (("knee_3d.csv", 3), ("knee_2d_side.csv", 4)):
        with open(os.path.join(out_dir, file), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for r in rows:
                w.writerow([r[0], r[1], *r[index]])
    for file, value in (("squat_label.csv", lambda r: int(r[2])),
                        ("squat_score.csv", lambda r: r[4][0])):
        with open(os.path.join(out_dir, file), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["rep", "subject", "deep_squat"])
            for r in rows:
                w.writerow([r[0], r[1], value(r)])
    print(f"{len(rows)} repetitions from {len({r[1] for r in rows})} subjects -> {out_dir}")


if __name__ == "__main__":
    main()
