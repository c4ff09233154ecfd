// Queueing-theory formulas for a pool of c connections (shared/reference/pool-and-routing.md
// §B.1): the oracles the simulator is tested against and the "theory says" line next to a
// simulation. Notation: c connections, offered load A = λ·S Erlangs, S the mean hold time.
// Times are returned in the unit of S.
#pragma once

namespace dbopt::sim {

// Erlang B, the blocking probability of M/M/c/c (any hold-time distribution).
double ErlangB(int c, double a);

// Erlang C = P(wait > 0) in M/M/c; 1 when a >= c (unstable).
double ErlangC(int c, double a);

// M/M/c mean wait Wq = C·S / (c - A); infinite when a >= c.
double MmcMeanWait(int c, double a, double mean_hold);

// M/M/c tail P(Wq > t) = C·exp(-(c - A)·t / S).
double MmcWaitTail(int c, double a, double mean_hold, double t);

// M/M/c wait quantile t_p = S·ln(C / (1 - p)) / (c - A) when C > 1 - p, else 0.
double MmcWaitQuantile(int c, double a, double mean_hold, double p);

// Pollaczek–Khinchine M/G/1 mean wait Wq = λ·E[S²] / (2(1 - ρ)), ρ = λ·E[S].
double Mg1MeanWait(double lambda, double mean_hold, double second_moment);

// M/M/c+D: callers give up after a fixed patience τ (a pool's acquire timeout).
struct Abandonment {
  double p_wait = 0;     // P(a request finds no free connection)
  double p_timeout = 0;  // P(a request gives up)
};
Abandonment MmcdAbandonment(int c, double a, double mean_hold, double patience);

// The offered load at which Erlang B reaches `blocking` (bisection on the monotone B(c, ·)).
double InverseErlangB(int c, double blocking);

}  // namespace dbopt::sim
