/* fuzz_inputs.h: the bodies of the libFuzzer targets in tests/fuzz, callable without
 * libFuzzer, so tests/unit/test_fuzz_regress.c can feed the saved inputs through the same
 * code in the normal build. Each returns 0 and aborts on a broken promise. */
#ifndef HEARD_FUZZ_INPUTS_H
#define HEARD_FUZZ_INPUTS_H

#include <stddef.h>
#include <stdint.h>

/* fuzz_analyser.c: the C features of DATA split at its first NUL into context and reply. */
int fuzz_features_input(const uint8_t *data, size_t size);
/* fuzz_analyser.c: rules_score in both roles, the rules loaded once from the working folder. */
int fuzz_rules_input(const uint8_t *data, size_t size);
/* Frees what the two above keep between inputs. */
void fuzz_analyser_release(void);

/* fuzz_scenario_load.c: DATA as a scenario source through scenario_info_load_source and
 * scenario_load under small sandbox limits. */
int fuzz_scenario_input(const uint8_t *data, size_t size);

/* fuzz_session_load.c: DATA as a session file, loaded and, when it loads, exported in every
 * format (escaped, no control characters). */
int fuzz_session_input(const uint8_t *data, size_t size);

/* fuzz_pattern.c: one call of find, match, gmatch or gsub, in the sandbox and in Lua's own
 * library, which must answer the same. */
int fuzz_pattern_input(const uint8_t *data, size_t size);
/* Frees the two states fuzz_pattern_input keeps between inputs. */
void fuzz_pattern_release(void);

#endif
