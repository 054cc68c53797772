// How the grader passes lesson 06's types to exercise functions: a Network
// as a struct {nodes: [{name, parents, cpt}, …]}, and evidence as a struct
// whose field names are node indices ({3: true, 4: true}).
#pragma once

#include <climits>
#include <cstdlib>
#include <mathlings/bayesian_networks.hpp>
#include <mathlings_harness/bind.hpp>

namespace mathlings::harness {

template <>
struct Codec<Node> {
  static Node from(const Value& v) {
    return {record_field<std::string>(v, "name"), record_field<std::vector<int>>(v, "parents"),
            record_field<std::vector<double>>(v, "cpt")};
  }
};

template <>
struct Codec<Network> {
  static Network from(const Value& v) { return {record_field<std::vector<Node>>(v, "nodes")}; }
};

template <>
struct Codec<std::map<int, bool>> {
  static std::map<int, bool> from(const Value& v) {
    if (!v.is<Record>()) throw ArgumentError("expected evidence {index: true or false, …}, got " + describe_shape(v));
    const Record& r = v.as<Record>();
    std::map<int, bool> evidence;
    for (std::size_t k = 0; k < r.names.size(); ++k) {
      const std::string& name = r.names[k];
      char* end = nullptr;
      const long index = std::strtol(name.c_str(), &end, 10);
      if (name.empty() || *end != '\0' || index < INT_MIN || index > INT_MAX)
        throw ArgumentError("evidence names '" + name + "', not a node index");
      evidence[static_cast<int>(index)] = Codec<bool>::from(r.values[k]);
    }
    return evidence;
  }
};

}  // namespace mathlings::harness
