/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_COMPILER_H
#define __NVFUZZ_LINUX_COMPILER_H
#include <linux/compiler_types.h>
#endif
