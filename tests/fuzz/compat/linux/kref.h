/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_KREF_H
#define __NVFUZZ_LINUX_KREF_H

struct kref {
	int refcount;
};

#endif
