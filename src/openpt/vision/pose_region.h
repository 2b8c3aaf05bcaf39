// The region of the image the landmark model looks at: a rotated square around the body.
//
// BlazePose aligns the person upright before the landmark model sees them. Two points give
// the region: the hip centre and a point that encodes the body's size and tilt (from the
// detector's first two keypoints when a person is first found, from the landmark model's
// two auxiliary landmarks while tracking). The region is centred on the hip centre, its
// side is twice their distance, turned so that the second point is straight up, then made
// square in pixels and enlarged by 1.25 — MediaPipe's pose graphs step by step
// (AlignmentPointsRectsCalculator, RectTransformationCalculator), so that the crops match.
//
//   NormalizedRect roi = pose_region(detection.keypoints[0], detection.keypoints[1], w, h);
#pragma once

namespace openpt::vision {

// A rectangle in normalised image coordinates ([0,1] of width and height) turned by
// `rotation_rad` (clockwise on screen, image y pointing down) about its centre.
struct NormalizedRect {
  float x_center = 0.5f;
  float y_center = 0.5f;
  float width = 1;
  float height = 1;
  float rotation_rad = 0;
};

struct NormalizedPoint {
  float x = 0;
  float y = 0;
};

// Angle wrapped into [-pi, pi).
float normalize_radians(float angle_rad);

// Centred on `centre`, side 2 x distance(centre, scale_point) in pixels, rotated so that
// scale_point is straight above the centre (rotation 0 when it already is).
NormalizedRect alignment_rect(NormalizedPoint centre, NormalizedPoint scale_point, int image_width,
                              int image_height);

// Square in pixels (the longer side kept), then enlarged by `scale` on both axes.
NormalizedRect square_and_scale(const NormalizedRect& rect, int image_width, int image_height,
                                float scale);

// Both of the above with BlazePose's scale 1.25.
NormalizedRect pose_region(NormalizedPoint centre, NormalizedPoint scale_point, int image_width,
                           int image_height);

}  // namespace openpt::vision
