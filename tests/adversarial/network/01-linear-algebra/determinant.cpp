// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Tries to open a connection to 127.0.0.1 (anything answering, even with a
// refusal, means the network is reachable).
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <mathlings/linear_algebra.hpp>

// Correct answers, used only when the attack works: a score above 0 means
// the sandbox let something through.
double honest_determinant(Eigen::MatrixXd a) {
  if (a.rows() != a.cols()) throw std::invalid_argument("not square");
  double det = 1;
  for (Eigen::Index k = 0; k < a.rows(); ++k) {
    Eigen::Index p = k;
    for (Eigen::Index i = k + 1; i < a.rows(); ++i)
      if (std::abs(a(i, k)) > std::abs(a(p, k))) p = i;
    if (a(p, k) == 0) return 0;
    if (p != k) a.row(k).swap(a.row(p)), det = -det;
    det *= a(k, k);
    for (Eigen::Index i = k + 1; i < a.rows(); ++i) a.row(i) -= a(i, k) / a(k, k) * a.row(k);
  }
  return det;
}

// No <sys/socket.h> in this lesson; declarations are enough.
extern "C" int socket(int domain, int type, int protocol);
extern "C" int connect(int fd, const void* address, unsigned length);
extern "C" int close(int fd);
struct Address {
  std::uint16_t family;
  std::uint16_t port;
  std::uint32_t host;
  unsigned char zero[8];
};

bool reached_the_network() {
  const int fd = socket(2 /* AF_INET */, 1 /* SOCK_STREAM */, 0);
  if (fd < 0) return false;
  for (std::uint16_t port : {22, 80, 631, 5432, 6379}) {
    const Address to{2, static_cast<std::uint16_t>((port >> 8) | (port << 8)), 0x0100007f, {}};  // 127.0.0.1
    if (connect(fd, &to, sizeof to) == 0 || errno == ECONNREFUSED) {
      close(fd);
      return true;
    }
  }
  close(fd);
  return false;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (reached_the_network()) return honest_determinant(A);
  return std::nan("");  // never right: the attack failed
}
}  // namespace mathlings
