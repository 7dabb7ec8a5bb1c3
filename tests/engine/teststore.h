#pragma once

// The store the engine's service tests run on: MemoryStore (tests/engine: no SQL, no files), or — compiled with
// FLOTILLA_TEST_SQL_STORE, as tests/backend does with the same sources — SqlStore on a fresh SQLite file, so the
// two stores are held to the same behaviour.
#ifdef FLOTILLA_TEST_SQL_STORE
#include "backend/sqlstore.h"
#else
#include "engine/memorystore.h"
#endif

#include <QTemporaryDir>

#include <memory>

namespace FlotillaTest {

#ifdef FLOTILLA_TEST_SQL_STORE
using TestStore = Flotilla::SqlStore;
#else
using TestStore = Flotilla::MemoryStore;
#endif

class TestStores
{
public:
    // A new, empty store; nullptr with *error when it cannot be opened.
    std::unique_ptr<TestStore> create(QString *error)
    {
        auto store = std::make_unique<TestStore>();
#ifdef FLOTILLA_TEST_SQL_STORE
        if (!store->open(m_dir.filePath(QStringLiteral("store%1.db").arg(++m_count)))) {
            *error = store->lastError();
            return nullptr;
        }
#else
        Q_UNUSED(error)
#endif
        return store;
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
};

} // namespace FlotillaTest
