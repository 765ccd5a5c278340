/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libFuzzer's entry points under kernel-style names, so the harness reads
 * (and passes checkpatch) like the rest of the tree.
 */
#ifndef __NVFUZZ_LIBFUZZER_H
#define __NVFUZZ_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

#define nvfuzz_initialize	LLVMFuzzerInitialize
#define nvfuzz_test_one_input	LLVMFuzzerTestOneInput

int nvfuzz_initialize(int *argc, char ***argv);
int nvfuzz_test_one_input(const uint8_t *data, size_t size);

#endif
