#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Flotilla {

// Why a fallible call failed: a stable code for programs ("flotilla.store", ...) and a message for people (what
// was being done, and the underlying error's own words).
struct Failure
{
    QString code;
    QString message;
};

// A value or the Failure that prevented it: what fallible calls return, so a failure is something the caller sees
// and must handle, never an empty list that looks like "nothing there". (std::expected is C++23.)
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::in_place_index<0>, std::move(value))
    { }
    Result(Failure error)
        : m_value(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Only when ok().
    const T &value() const & { return std::get<0>(m_value); }
    T &value() & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    // A temporary's value is moved out, so `for (const X &x : *store.list())` does not outlive what it reads.
    T operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }

    // Only when !ok().
    const Failure &error() const { return std::get<1>(m_value); }

private:
    std::variant<T, Failure> m_value;
};

// A fallible call with nothing to give back (a write): done, or the Failure that prevented it.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    // Only when !ok().
    const Failure &error() const { return *m_error; }

private:
    std::optional<Failure> m_error;
};

// What looking up one entity found: the entity, nothing (there is no such entity), or the Failure that prevented
// the read. It has no conversion to bool on purpose: a caller asks found() or failed(), so a read that failed is
// never taken for "not there" (a 404 where the answer is a 500, a device told its action is gone).
template<typename T> class [[nodiscard]] Lookup
{
public:
    Lookup(T value)
        : m_value(std::in_place_index<0>, std::in_place, std::move(value))
    { }
    Lookup(std::nullopt_t)
        : m_value(std::in_place_index<0>, std::nullopt)
    { }
    Lookup(std::optional<T> value)
        : m_value(std::in_place_index<0>, std::move(value))
    { }
    Lookup(Failure error)
        : m_value(std::in_place_index<1>, std::move(error))
    { }

    bool failed() const { return m_value.index() == 1; }
    bool found() const { return !failed() && std::get<0>(m_value).has_value(); }
    bool absent() const { return !failed() && !std::get<0>(m_value).has_value(); }

    // Only when failed().
    const Failure &error() const { return std::get<1>(m_value); }

    // Only when found() (else it throws).
    const T &operator*() const & { return std::get<0>(m_value).value(); }
    T &operator*() & { return std::get<0>(m_value).value(); }
    T operator*() && { return std::move(std::get<0>(m_value).value()); }
    const T *operator->() const { return &**this; }
    T *operator->() { return &**this; }

    // Only when !failed(): the entity, or nothing.
    const std::optional<T> &optional() const & { return std::get<0>(m_value); }
    std::optional<T> optional() && { return std::move(std::get<0>(m_value)); }

private:
    std::variant<std::optional<T>, Failure> m_value;
};

} // namespace Flotilla
