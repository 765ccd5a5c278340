/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_KUNIT_VISIBILITY_H
#define __NVFUZZ_KUNIT_VISIBILITY_H

#define VISIBLE_IF_KUNIT	static
#define EXPORT_SYMBOL_IF_KUNIT(symbol)

#endif
