/* main.c: the heard executable; dispatches subcommands. */
#include <stdio.h>
#include "version.h"
int main(void)
{
    printf("heard %s\n", HEARD_VERSION);
    return 0;
}
