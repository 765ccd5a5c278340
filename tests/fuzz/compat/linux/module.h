/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_MODULE_H
#define __NVFUZZ_LINUX_MODULE_H

#include <linux/export.h>
#include <linux/moduleparam.h>

struct module;
#define THIS_MODULE		((struct module *)0)
#define MODULE_LICENSE(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_AUTHOR(x)
#define MODULE_IMPORT_NS(x)
/* referenced, so the init/exit functions count as used, never called */
#define module_init(fn)	\
	static int (*__nvfuzz_init_##fn)(void) __maybe_unused = fn
#define module_exit(fn)	\
	static void (*__nvfuzz_exit_##fn)(void) __maybe_unused = fn

#endif
