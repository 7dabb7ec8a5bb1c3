#pragma once

#include "engine/actionstore.h"
#include "engine/configurationstore.h"
#include "engine/repositorystore.h"
#include "engine/rolloutstore.h"
#include "engine/storesession.h"
#include "engine/targetfilterstore.h"
#include "engine/targetstore.h"

namespace Flotilla {

// The engine's view of persistence: one store per aggregate, all on one connection and its session (one
// transaction spans them). backend/ implements them with QtSql (SqlStore: SQLite, PostgreSQL), MemoryStore in
// memory. Each service keeps the stores it uses and nothing else.
struct Stores
{
    StoreSession &session;
    ConfigurationStore &configuration;
    TargetStore &targets;
    TargetFilterStore &filters;
    ActionStore &actions;
    RepositoryStore &repository;
    RolloutStore &rollouts;
};

} // namespace Flotilla
