#include "openpt/vision/tflite_options.h"

#include <fmt/format.h>

namespace openpt::vision {

namespace fb = openpt::vision::tflite;

namespace {

Result<Activation> activation_of(fb::ActivationFunctionType a) {
  switch (a) {
    case fb::ActivationFunctionType::NONE: return Activation::kNone;
    case fb::ActivationFunctionType::RELU: return Activation::kRelu;
    case fb::ActivationFunctionType::RELU_N1_TO_1: return Activation::kReluN1To1;
    case fb::ActivationFunctionType::RELU6: return Activation::kRelu6;
    default:
      return bad_input(fmt::format("fused activation {} is not supported",
                                   fb::EnumNameActivationFunctionType(a)));
  }
}

// Padding and strides, shared by convolutions and pooling.
template <class T>
void read_strides(const T& p, OpOptions& o) {
  o.padding = p.padding() == fb::Padding::SAME ? Padding::kSame : Padding::kValid;
  o.stride_h = p.stride_h();
  o.stride_w = p.stride_w();
}

// Strides, dilation and activation of CONV_2D and DEPTHWISE_CONV_2D.
template <class T>
fb::ActivationFunctionType read_convolution(const T& p, OpOptions& o) {
  read_strides(p, o);
  o.dilation_h = p.dilation_h_factor();
  o.dilation_w = p.dilation_w_factor();
  return p.fused_activation_function();
}

tl::unexpected<Error> missing() {
  return bad_input("the operator has no options");
}

}  // namespace

Result<OpOptions> read_op_options(const fb::Operator& op, OpType type) {
  OpOptions o;
  fb::ActivationFunctionType activation = fb::ActivationFunctionType::NONE;
  switch (type) {
    case OpType::kConv2d: {
      const auto* p = op.builtin_options_as_Conv2DOptions();
      if (p == nullptr) return missing();
      activation = read_convolution(*p, o);
      break;
    }
    case OpType::kDepthwiseConv2d: {
      const auto* p = op.builtin_options_as_DepthwiseConv2DOptions();
      if (p == nullptr) return missing();
      activation = read_convolution(*p, o);
      o.depth_multiplier = p->depth_multiplier();
      break;
    }
    case OpType::kMaxPool2d: {
      const auto* p = op.builtin_options_as_Pool2DOptions();
      if (p == nullptr) return missing();
      read_strides(*p, o);
      o.filter_h = p->filter_height();
      o.filter_w = p->filter_width();
      activation = p->fused_activation_function();
      break;
    }
    case OpType::kAdd:
      if (const auto* p = op.builtin_options_as_AddOptions()) {
        activation = p->fused_activation_function();
      }
      break;
    case OpType::kConcatenation: {
      const auto* p = op.builtin_options_as_ConcatenationOptions();
      if (p == nullptr) return missing();
      o.axis = p->axis();
      activation = p->fused_activation_function();
      break;
    }
    case OpType::kResizeBilinear:
      if (const auto* p = op.builtin_options_as_ResizeBilinearOptions()) {
        o.align_corners = p->align_corners();
        o.half_pixel_centers = p->half_pixel_centers();
      }
      break;
    case OpType::kDepthToSpace: {
      const auto* p = op.builtin_options_as_DepthToSpaceOptions();
      if (p == nullptr) return missing();
      o.block_size = p->block_size();
      break;
    }
    case OpType::kPad:
    case OpType::kReshape:
    case OpType::kLogistic: break;
  }
  auto a = activation_of(activation);
  if (!a) return tl::unexpected(a.error());
  o.activation = *a;
  return o;
}

}  // namespace openpt::vision
