// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: benchmark (placeholder).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/seq_file.h>

#include "gsp.h"

int gsp_bench_run(struct nvvgpu_gsp *gsp, struct seq_file *m)
{
	seq_puts(m, "bench: not implemented\n");
	return 0;
}
