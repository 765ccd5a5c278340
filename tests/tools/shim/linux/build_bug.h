/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel's <linux/build_bug.h>: static_assert()
 * with the message optional, as the kernel's (gcc accepts C11's without
 * one), see shim/linux/bits.h.
 */
#ifndef NVTEST_SHIM_LINUX_BUILD_BUG_H
#define NVTEST_SHIM_LINUX_BUILD_BUG_H

#include <assert.h>

#endif
