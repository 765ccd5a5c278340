/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: the type only; the gsp sources under test never use it. */
#ifndef __NVFUZZ_LINUX_AUXILIARY_BUS_H
#define __NVFUZZ_LINUX_AUXILIARY_BUS_H

#include <linux/device.h>

struct auxiliary_device {
	struct device dev;
	const char *name;
	u32 id;
};

#endif
