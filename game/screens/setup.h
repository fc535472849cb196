/* setup.h: what the screens before play gather — the scenario, the two names, and who
 * holds the floor first — passed by value from screen to screen. */
#ifndef HEARD_SETUP_H
#define HEARD_SETUP_H

#include "game/scenario/scenario.h"

#define PLAYER_NAME_MAX 48

typedef struct GameSetup {
    ScenarioInfo scenario;
    char names[2][PLAYER_NAME_MAX];
    int first; /* 0 or 1: who is the customer in round one */
} GameSetup;

#endif
