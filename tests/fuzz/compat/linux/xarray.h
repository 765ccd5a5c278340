/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: the type only; the gsp sources under test never use it. */
#ifndef __NVFUZZ_LINUX_XARRAY_H
#define __NVFUZZ_LINUX_XARRAY_H

struct xarray {
	void *head;
};

#endif
