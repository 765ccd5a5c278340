/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: parameters are plain variables the harness may set. */
#ifndef __NVFUZZ_LINUX_MODULEPARAM_H
#define __NVFUZZ_LINUX_MODULEPARAM_H

#define module_param_named(name, value, type, perm)	\
	static_assert(sizeof(value) > 0, #name)
#define module_param(name, type, perm)	module_param_named(name, name, type, perm)
#define MODULE_PARM_DESC(name, desc)	static_assert(sizeof(desc) > 0, #name)

#endif
