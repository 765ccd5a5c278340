// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: tracepoint definitions.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define CREATE_TRACE_POINTS
#include "gsp_trace.h"
